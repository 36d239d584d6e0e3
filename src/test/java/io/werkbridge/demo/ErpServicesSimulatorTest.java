package io.werkbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The demo's stand-in for the ERP's web service answers in the contract's terms and honours idempotency keys. */
class ErpServicesSimulatorTest {

    private final ErpServicesSimulator erp = new ErpServicesSimulator();

    private static String request(String operation, String content) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ns2:" + operation
                + " xmlns:ns2=\"urn:werkbridge:erp:services:1\">" + content + "</ns2:" + operation + "></soap:Body></soap:Envelope>";
    }

    /** The SOAP body's payload, validated against erp-services.xsd. */
    private static Element payload(String soap) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(soap)));
        Node body = document.getDocumentElement().getFirstChild();
        Element payload = (Element) body.getFirstChild();
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = schemas.newSchema(new StreamSource(new ClassPathResource("connectors/erp/erp-services.xsd").getInputStream()));
        schema.newValidator().validate(new DOMSource(payload));
        return payload;
    }

    private static String text(Element e, String name) {
        return e.getElementsByTagNameNS("urn:werkbridge:erp:services:1", name).item(0).getTextContent();
    }

    @Test
    void aRepeatedKeyGetsTheSameDocumentBack() throws Exception {
        String order = request("createSalesOrder", "<ns2:idempotencyKey>k-1</ns2:idempotencyKey><ns2:orderNumber>O-1</ns2:orderNumber>"
                + "<ns2:customerNumber>100234</ns2:customerNumber><ns2:line><ns2:partNumber>P</ns2:partNumber><ns2:quantity>1</ns2:quantity></ns2:line>");
        Element first = payload(erp.call(order).getBody());
        Element again = payload(erp.call(order).getBody());
        assertThat(text(first, "status")).isEqualTo("created");
        assertThat(text(again, "status")).isEqualTo("duplicate");
        assertThat(text(again, "documentNumber")).isEqualTo(text(first, "documentNumber"));
        Element other = payload(erp.call(order.replace("k-1", "k-2")).getBody());
        assertThat(text(other, "documentNumber")).isNotEqualTo(text(first, "documentNumber"));
    }

    @Test
    void lookupAndAnonymisationAnswerInTheContractsTerms() throws Exception {
        Element customer = payload(erp.call(request("lookupCustomer",
                "<ns2:idempotencyKey>k-3</ns2:idempotencyKey><ns2:customerNumber>100777</ns2:customerNumber>")).getBody());
        assertThat(text(customer, "customerNumber")).isEqualTo("100777");
        Element anonymized = payload(erp.call(request("anonymizeBusinessPartner",
                "<ns2:idempotencyKey>k-4</ns2:idempotencyKey><ns2:customerNumber>100777</ns2:customerNumber>")).getBody());
        assertThat(text(anonymized, "result")).isEqualTo("anonymized");
        assertThat(erp.call("<hello/>").getStatusCode().value()).isEqualTo(500);
    }
}
