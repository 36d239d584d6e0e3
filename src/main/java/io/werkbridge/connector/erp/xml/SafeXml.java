package io.werkbridge.connector.erp.xml;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.XmlLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses ERP documents without trusting them: a DOCTYPE is refused outright (so no DTD, no entity expansion such as
 * "billion laughs", no external entity can be read), XInclude is off, secure processing is on. Before the DOM is
 * built, a streaming pass holds the document to {@link XmlLimits#DEFAULT} (depth, element and attribute counts, value
 * sizes): the DOM and the mappers that walk it are only ever given a bounded tree. Errors name the rule or limit and
 * the position, never the content.
 */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();
    private static final XmlLimits LIMITS = XmlLimits.DEFAULT;
    private static final XMLInputFactory STREAMS = LIMITS.factory();

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /**
     * @throws InvalidErpDocumentException when the input is not well-formed XML, declares a DTD or breaks a limit of
     *                                     {@link XmlLimits#DEFAULT}
     */
    public static Document parse(InputStream in) throws IOException {
        byte[] xml = in.readAllBytes();
        checkLimits(xml);
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new Quiet());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            // read from memory: the only I/O error left is the content's, an encoding it does not keep to
            throw new InvalidErpDocumentException("the XML is not in the encoding it declares (or UTF-8 without a"
                    + " declaration); send one IDoc or UBL document as XML");
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw doctype();
            }
            throw new InvalidErpDocumentException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "; send one IDoc or UBL document as XML");
        } catch (SAXException e) {
            throw new InvalidErpDocumentException("not well-formed XML; send one IDoc or UBL document as XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    /** Reads the document once as a stream, counting, so that nothing unbounded reaches the DOM parser. */
    private static void checkLimits(byte[] xml) {
        // not closed: it reads from memory, and close() would only hand its buffers back early
        try {
            XMLStreamReader reader = LIMITS.limited(STREAMS.createXMLStreamReader(new ByteArrayInputStream(xml)));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    throw doctype();
                }
            }
        } catch (XmlLimits.LimitExceededException e) {
            throw new InvalidErpDocumentException("the document is refused: " + e.getMessage()
                    + "; send smaller documents");
        } catch (XMLStreamException e) {
            String limit = XmlLimits.describeParserLimit(e);
            if (limit != null) {
                throw new InvalidErpDocumentException("the document is refused: " + limit + "; send smaller documents");
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            throw new InvalidErpDocumentException("not well-formed XML" + where + "; send one IDoc or UBL document as XML");
        }
    }

    private static InvalidErpDocumentException doctype() {
        return new InvalidErpDocumentException("a DTD (DOCTYPE) is present: documents with a DOCTYPE, entities or"
                + " external references are refused; send the document without its DOCTYPE");
    }

    /** The default handler prints parse errors, which may quote content, to stderr. */
    private static final class Quiet implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not stop parsing and is not reported: it may quote the document
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
