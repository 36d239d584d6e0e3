package io.werkbridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlLimitsTest {

    private static final XmlLimits SMALL = new XmlLimits(3, 6, 3, 2, 10, 5);

    private static void readAll(String xml) throws XMLStreamException {
        XMLStreamReader reader = SMALL.limited(SMALL.factory().createXMLStreamReader(new StringReader(xml)));
        while (reader.hasNext()) {
            reader.next();
        }
    }

    @Test
    void eachStructuralLimitIsNamedAtOneAbove() throws XMLStreamException {
        readAll("<a><b><c/></b></a>");
        assertThatThrownBy(() -> readAll("<a><b><c><d/></c></b></a>")).hasMessage("XML nesting deeper than 3 elements (XML nesting depth)");
        readAll("<a><b/><b/><b/></a>");
        assertThatThrownBy(() -> readAll("<a><b/><b/><b/><b/></a>"))
                .hasMessage("an XML element with more than 3 child elements (XML children per element)");
        assertThatThrownBy(() -> readAll("<a><b><c/><c/></b><b><c/><c/></b></a>"))
                .hasMessage("XML with more than 6 elements (XML element count)");
        assertThatThrownBy(() -> readAll("<a x='1' y='2' z='3'/>"))
                .hasMessage("an XML element with more than 2 attributes (XML attributes per element)");
    }

    @Test
    void valueSizesAreLeftToWoodstoxAndNamed() {
        assertThatThrownBy(() -> readAll("<a>" + "x".repeat(11) + "</a>"))
                .isInstanceOfSatisfying(XMLStreamException.class, e -> assertThat(XmlLimits.describeParserLimit(e))
                        .startsWith("the XML breaks a parser limit: ").contains("(10)"));
    }

    @Test
    void nextTagAndGetElementTextKeepCounting() throws XMLStreamException {
        XMLStreamReader reader = SMALL.limited(SMALL.factory().createXMLStreamReader(new StringReader(
                "<a> <b>text</b> <b>more</b> </a>")));
        reader.nextTag();
        reader.nextTag();
        assertThat(reader.getElementText()).isEqualTo("text");
        reader.nextTag();
        assertThat(reader.getElementText()).isEqualTo("more");
        assertThat(reader.nextTag()).isEqualTo(XMLStreamReader.END_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("a");
    }
}
