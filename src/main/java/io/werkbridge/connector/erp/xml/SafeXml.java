package io.werkbridge.connector.erp.xml;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses ERP documents without trusting them: a DOCTYPE is refused outright (so no DTD, no entity expansion such as
 * "billion laughs", no external entity can be read), XInclude is off, secure processing is on. Errors name the rule
 * and the position, never the content.
 */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

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

    /** @throws InvalidErpDocumentException when the input is not well-formed XML or declares a DTD */
    public static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new Quiet());
            return builder.parse(in);
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new InvalidErpDocumentException("a DTD (DOCTYPE) is present: documents with a DOCTYPE, entities or"
                        + " external references are refused; send the document without its DOCTYPE");
            }
            throw new InvalidErpDocumentException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "; send one IDoc or UBL document as XML");
        } catch (SAXException e) {
            throw new InvalidErpDocumentException("not well-formed XML; send one IDoc or UBL document as XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
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
