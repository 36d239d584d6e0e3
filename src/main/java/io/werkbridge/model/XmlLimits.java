package io.werkbridge.model;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one set of limits for every XML the hub reads from outside (SOAP, IDoc, UBL, the ERP inbox, MTConnect agents):
 * without them 60,000 nested elements exhaust the stack and a million tiny elements the heap. The structural limits
 * are counted by {@link #limited(XMLStreamReader)} so that a refusal names the limit it broke; the sizes of single
 * values are left to Woodstox, which must stop reading a value before it holds all of it.
 *
 * @param maxDepth              deepest element nesting
 * @param maxElements           elements in one document
 * @param maxChildren           child elements of one element
 * @param maxAttributes         attributes of one element
 * @param maxTextLength         characters in one text node
 * @param maxAttributeLength    characters in one attribute value
 */
public record XmlLimits(int maxDepth, int maxElements, int maxChildren, int maxAttributes, int maxTextLength,
                        int maxAttributeLength) {

    /** Generous for IDocs of thousands of segments and UBL invoices with embedded attachments, far below harm. */
    public static final XmlLimits DEFAULT = new XmlLimits(100, 500_000, 50_000, 100, 8 * 1024 * 1024, 64 * 1024);

    public XmlLimits {
        if (maxDepth < 1 || maxElements < 1 || maxChildren < 1 || maxAttributes < 1 || maxTextLength < 1
                || maxAttributeLength < 1) {
            throw new IllegalArgumentException("every XML limit must be at least 1");
        }
    }

    /** A limit that a document broke; the message names the limit and its value, never content. */
    public static final class LimitExceededException extends XMLStreamException {
        LimitExceededException(String message) {
            super(message);
        }
    }

    /**
     * A secure Woodstox factory with the value-size limits set: no DTD, no external entities, namespace-aware. Woodstox
     * is named explicitly so the limits cannot silently vanish with another StAX implementation on the class path.
     */
    public XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, maxTextLength);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, maxAttributeLength);
        // Woodstox's own structural limits a step above ours, as a backstop: ours name the limit in the refusal
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, maxDepth + 1);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, maxAttributes + 1);
        factory.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, maxChildren + 1);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) maxElements + 1);
        return factory;
    }

    /** The same limits as Apache CXF endpoint properties (its StaxUtils and StaxInInterceptor read them). */
    public Map<String, Object> cxfProperties() {
        return Map.of("org.apache.cxf.stax.maxElementDepth", maxDepth,
                "org.apache.cxf.stax.maxElementCount", (long) maxElements,
                "org.apache.cxf.stax.maxChildElements", maxChildren,
                "org.apache.cxf.stax.maxAttributeCount", maxAttributes,
                "org.apache.cxf.stax.maxTextLength", maxTextLength,
                "org.apache.cxf.stax.maxAttributeSize", maxAttributeLength);
    }

    /** The reader, counting depth, elements, children and attributes as it goes; a limit broken ends reading. */
    public XMLStreamReader limited(XMLStreamReader reader) {
        return new Counting(reader, this);
    }

    /**
     * A Woodstox limit violation as a refusal naming the limit, or null for any other error. Woodstox's limit messages
     * ("Maximum Text Length limit (N) exceeded" and the like) hold the limit and no content.
     */
    public static String describeParserLimit(XMLStreamException e) {
        String message = e.getMessage();
        int end = message == null ? -1 : message.indexOf(") exceeded");
        if (end < 0 || !message.contains("limit (")) {
            return null;
        }
        return "the XML breaks a parser limit: " + message.substring(0, end + ") exceeded".length());
    }

    private static final class Counting extends StreamReaderDelegate {

        private final XmlLimits limits;
        private final int[] children;
        private int depth;
        private long elements;

        Counting(XMLStreamReader reader, XmlLimits limits) {
            super(reader);
            this.limits = limits;
            this.children = new int[limits.maxDepth + 2];
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == START_ELEMENT) {
                started();
            } else if (event == END_ELEMENT) {
                depth--;
            }
            return event;
        }

        private void started() throws XMLStreamException {
            if (++depth > limits.maxDepth) {
                throw new LimitExceededException("XML nesting deeper than " + limits.maxDepth + " elements (XML nesting depth)");
            }
            if (++elements > limits.maxElements) {
                throw new LimitExceededException("XML with more than " + limits.maxElements + " elements (XML element count)");
            }
            if (++children[depth - 1] > limits.maxChildren) {
                throw new LimitExceededException("an XML element with more than " + limits.maxChildren
                        + " child elements (XML children per element)");
            }
            children[depth] = 0;
            if (getAttributeCount() > limits.maxAttributes) {
                throw new LimitExceededException("an XML element with more than " + limits.maxAttributes
                        + " attributes (XML attributes per element)");
            }
        }

        /** The delegate's own nextTag would step past elements uncounted: the same contract, through next(). */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == CHARACTERS || event == CDATA || event == SPACE) && isWhiteSpace()
                    || event == SPACE || event == COMMENT || event == PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }

        /** Likewise getElementText, which reads up to and including the end tag. */
        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != START_ELEMENT) {
                throw new XMLStreamException("text is read from a start tag", getLocation());
            }
            StringBuilder text = new StringBuilder();
            int event = next();
            while (event != END_ELEMENT) {
                if (event == CHARACTERS || event == CDATA || event == SPACE || event == ENTITY_REFERENCE) {
                    text.append(getText());
                } else if (event == START_ELEMENT) {
                    throw new XMLStreamException("an element inside a text-only element", getLocation());
                } else if (event == END_DOCUMENT) {
                    throw new XMLStreamException("the document ends inside an element", getLocation());
                }
                event = next();
            }
            return text.toString();
        }
    }
}
