package io.werkbridge.connector.erp.idoc;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.XmlLimits;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IDoc XML read as a stream, one {@code IDOC} element at a time, for files too large to hold (an initial load of
 * a hundred thousand customers): only the IDoc being read is in memory, as a small DOM that the mappers of
 * {@link IdocReader} read as they read a whole document. The file as a whole has no count limit (it may hold millions
 * of elements and any number of IDocs); each IDoc has ({@link #MAX_ELEMENTS_PER_IDOC}), and depth and value sizes
 * are bounded as everywhere ({@link #LIMITS}).
 */
public final class IdocStream implements AutoCloseable {

    /** The hub's XML limits, but for a file of any number of IDocs: values up to 64 KB (an IDoc field is short). */
    static final XmlLimits LIMITS = new XmlLimits(XmlLimits.DEFAULT.maxDepth(), Integer.MAX_VALUE, 10_000_000,
            XmlLimits.DEFAULT.maxAttributes(), 64 * 1024, 64 * 1024);
    static final int MAX_ELEMENTS_PER_IDOC = 50_000;
    private static final XMLInputFactory FACTORY = LIMITS.factory();
    private static final DocumentBuilderFactory DOM = DocumentBuilderFactory.newInstance();

    private final XMLStreamReader reader;
    private final String type;

    /** Reads up to the root element; refuses a root that is not an IDoc type the hub reads. */
    public IdocStream(InputStream in) {
        try {
            reader = LIMITS.limited(FACTORY.createXMLStreamReader(in));
            reader.nextTag();
        } catch (XMLStreamException e) {
            throw refusal(e);
        }
        if (reader.getNamespaceURI() != null && !reader.getNamespaceURI().isEmpty()) {
            throw new InvalidErpDocumentException("the root element is in a namespace; IDoc XML has none");
        }
        type = reader.getLocalName();
        IdocReader.checkType(type);
    }

    /** The IDoc type: the root element's name, e.g. {@code DEBMAS06}. */
    public String type() {
        return type;
    }

    /** The next {@code IDOC} element, or null after the last one. Other elements beside the IDocs are passed over. */
    public Element next() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return null; // the root ends
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("IDOC".equals(reader.getLocalName())) {
                        return subtree();
                    }
                    skip();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw refusal(e);
        }
    }

    /** The element the reader is on, with its child elements and their text (no attributes: the mappers read none). */
    private Element subtree() throws XMLStreamException {
        Document document;
        try {
            document = DOM.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM builder", e);
        }
        Node current = document.appendChild(document.createElementNS(null, reader.getLocalName()));
        int elements = 1;
        while (current != document) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++elements > MAX_ELEMENTS_PER_IDOC) {
                    throw new InvalidErpDocumentException("an IDOC holds more than " + MAX_ELEMENTS_PER_IDOC + " elements");
                }
                current = current.appendChild(document.createElementNS(null, reader.getLocalName()));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                current = current.getParentNode();
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !reader.isWhiteSpace()) {
                current.appendChild(document.createTextNode(reader.getText()));
            }
        }
        return document.getDocumentElement();
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = reader.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** A parser error as a refusal naming the limit or the line, never the content. */
    private static InvalidErpDocumentException refusal(XMLStreamException e) {
        if (e instanceof XmlLimits.LimitExceededException) {
            return new InvalidErpDocumentException(e.getMessage());
        }
        String limit = XmlLimits.describeParserLimit(e);
        if (limit != null) {
            return new InvalidErpDocumentException(limit);
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return new InvalidErpDocumentException("the file is not well-formed XML" + (line > 0 ? " (line " + line + ")" : "")
                + (e.getMessage() != null && e.getMessage().contains("DTD") ? ": a DTD (DOCTYPE) is present" : ""));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw refusal(e);
        }
    }
}
