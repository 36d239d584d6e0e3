package io.werkbridge.flow;

import io.werkbridge.connector.erp.xml.Elements;
import io.werkbridge.connector.erp.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.w3c.dom.ElementTraversal;
import org.xml.sax.SAXException;

/** Raw SOAP 1.1 requests to the ERP endpoint, so tests see exactly the bytes an ERP would send. Synthetic data. */
public final class SoapRequests {

    private static final Pattern MESSAGE_ID = Pattern.compile("<messageId>([^<]+)</messageId>");

    public static final String ERP_PASSWORD = "test-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapRequests() {
    }

    public static String publishCustomer(String customerNumber, String changedAt, String email, String remarks) {
        return envelope("""
                <c:publishCustomer>
                  <c:customerNumber>%s</c:customerNumber>
                  <c:changedAt>%s</c:changedAt>
                  <c:company>
                    <c:name>Beispiel Maschinenbau GmbH</c:name>
                    <c:vatId>DE123456789</c:vatId>
                    <c:address><c:street>Industriestr. 5</c:street><c:postalCode>33602</c:postalCode><c:city>Bielefeld</c:city><c:country>DE</c:country></c:address>
                    <c:kind>organization</c:kind>
                  </c:company>
                  <c:contact>
                    <c:id>K-17</c:id>
                    <c:title>Dr.</c:title>
                    <c:firstName>Erika</c:firstName>
                    <c:lastName>Musterfrau</c:lastName>
                    <c:email>%s</c:email>
                    <c:phone>+49 521 5550 1234</c:phone>
                    <c:function>Einkaufsleitung</c:function>
                    <c:representationAuthority>true</c:representationAuthority>
                  </c:contact>
                  <c:bankAccount><c:iban>DE89370400440532013000</c:iban><c:bic>COBADEFFXXX</c:bic><c:holder>Beispiel Maschinenbau GmbH</c:holder></c:bankAccount>
                  <c:paymentTerms>30 Tage netto</c:paymentTerms>
                  <c:contract><c:number>SV-2026-001</c:number><c:start>2026-01-01</c:start><c:end>2027-12-31</c:end></c:contract>
                  <c:remarks>%s</c:remarks>
                </c:publishCustomer>""".formatted(customerNumber, changedAt, email, remarks));
    }

    static String deleteCustomer(String customerNumber) {
        return envelope("<c:deleteCustomer><c:customerNumber>" + customerNumber + "</c:customerNumber></c:deleteCustomer>");
    }

    static String envelope(String body) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:werkbridge:erp:customer:1">
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>""".formatted(body);
    }

    public static HttpResponse<String> post(int port, String xml, String user, String password) throws IOException, InterruptedException {
        return post(port, "/services/erp", xml, user, password);
    }

    /** A SOAP request to another of the hub's SOAP endpoints, e.g. {@code /services/erp-documents}. */
    public static HttpResponse<String> post(int port, String path, String xml, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes a customer as the ERP client and returns the message id the hub answered with. */
    public static String publishCustomerMessageId(int port, String number, String email, String remarks)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(port, publishCustomer(number, "2026-11-20T10:15:00Z", email, remarks));
        if (response.statusCode() != 200) {
            throw new AssertionError("publishCustomer answered " + response.statusCode());
        }
        Matcher id = MESSAGE_ID.matcher(response.body());
        if (!id.find()) {
            throw new AssertionError("publishCustomer answered without a messageId");
        }
        return id.group(1);
    }

    public static HttpResponse<String> post(int port, String xml) throws IOException, InterruptedException {
        return post(port, xml, "erp", ERP_PASSWORD);
    }

    /**
     * Validates the element in the SOAP body of an answer against the endpoint's schema, e.g.
     * {@code connectors/erp/erp-customer.xsd}: the hub validates only requests at run time, so the tests check that its
     * answers keep to the contract.
     *
     * @throws AssertionError naming the schema violation
     */
    public static void assertAnswerMatchesSchema(String soapAnswer, String schemaResource) throws Exception {
        Element envelope = SafeXml.parse(new ByteArrayInputStream(soapAnswer.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        Element answer = Elements.child(envelope, SOAP_ENVELOPE, "Body")
                .map(body -> ((ElementTraversal) body).getFirstElementChild())
                .orElseThrow(() -> new AssertionError("the answer has no element in its SOAP body"));
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SoapRequests.class.getResource("/" + schemaResource))
                    .newValidator().validate(new DOMSource(answer));
        } catch (SAXException invalid) {
            throw new AssertionError("the answer does not match " + schemaResource + ": " + invalid.getMessage(), invalid);
        }
    }
}
