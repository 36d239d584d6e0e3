package io.werkbridge.connector.mtconnect;

import io.werkbridge.model.InvalidSourceDataException;
import io.werkbridge.model.XmlLimits;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading an agent's XML answers safely: namespace-aware StAX without DTD support or external entities (a document
 * with a DTD is refused by the readers), held to the hub's {@link XmlLimits} (a refusal names the limit), and a not
 * well-formed document reported by line, never by content.
 */
final class AgentXml {

    /** What a reader makes of a document. */
    interface Reader<T> {
        T read(XMLStreamReader reader) throws XMLStreamException;
    }

    private static final XMLInputFactory FACTORY = factory();
    private static final Logger LOG = LoggerFactory.getLogger(AgentXml.class);

    private AgentXml() {
    }

    static <T> T parse(InputStream xml, String what, Reader<T> read) {
        XMLStreamReader reader = null;
        try {
            reader = XmlLimits.DEFAULT.limited(FACTORY.createXMLStreamReader(xml));
            return read.read(reader);
        } catch (XmlLimits.LimitExceededException e) {
            throw new InvalidSourceDataException(what + " is refused: " + e.getMessage());
        } catch (XMLStreamException e) {
            String limit = XmlLimits.describeParserLimit(e);
            if (limit != null) {
                throw new InvalidSourceDataException(what + " is refused: " + limit);
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new InvalidSourceDataException(what + " is not well-formed XML" + where);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // only the parser's buffers are released here; the caller closes the stream itself
                    LOG.debug("closing the XML reader failed: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XmlLimits.DEFAULT.factory();
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
