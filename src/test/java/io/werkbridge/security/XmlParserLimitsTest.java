package io.werkbridge.security;

import static io.werkbridge.security.AttackCalls.nested;
import static io.werkbridge.security.AttackCalls.nothingForwarded;
import static io.werkbridge.security.AttackCalls.post;
import static io.werkbridge.security.AttackCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import io.werkbridge.model.CanonicalJson;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * XML intakes over HTTP (IDoc, UBL, SOAP) against the running hub: each structural attack is refused with the limit it
 * broke named, nothing reaches a destination, and the log holds none of the attack's content. (The test profile's
 * 64 KB body limit keeps HTTP attacks small; the inbox test sends the large ones.)
 */
@ExtendWith(OutputCaptureExtension.class)
class XmlParserLimitsTest extends HubTestSupport {

    private static final String MARKER = "Tiefnest";

    @Test
    void deeplyNestedElementsInAnIdocAre400NamingTheDepthLimit(CapturedOutput log) {
        String customer = Long.toString(System.nanoTime() % 1_000_000_000L);
        String idoc = resource("debmas06-customer.xml").replace("0000100234", customer)
                .replaceFirst("<MSGFN>005</MSGFN>", "<MSGFN>005</MSGFN>" + nested(5_000, MARKER));

        HttpResponse<String> answer = post(port, "/api/v1/erp/idoc", "application/xml", idoc, "erp");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(CanonicalJson.read(answer.body()).path("detail").asText())
                .contains("XML nesting deeper than 100 elements (XML nesting depth)");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), customer);
        assertThat(log.getAll()).doesNotContain(MARKER).doesNotContain("StackOverflowError");
    }

    @Test
    void anElementWithTooManyAttributesIs400NamingTheLimit(CapturedOutput log) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            attributes.append(" a").append(i).append("=\"").append(MARKER).append('"');
        }
        String ubl = resource("ubl-invoice.xml").replace("</ubl:Invoice>", "<Z" + attributes + "/></ubl:Invoice>");

        HttpResponse<String> answer = post(port, "/api/v1/erp/ubl", "application/xml", ubl, "erp");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(CanonicalJson.read(answer.body()).path("detail").asText())
                .contains("more than 100 attributes (XML attributes per element)");
        assertThat(log.getAll()).doesNotContain(MARKER);
    }

    @Test
    void deepNestingInASoapRequestIsAFaultNamingTheDepthLimit(CapturedOutput log) {
        String customer = "SD" + System.nanoTime() % 1_000_000;
        String envelope = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:werkbridge:erp:customer:1">
                  <soapenv:Header>%s</soapenv:Header>
                  <soapenv:Body><c:publishCustomer><c:customerNumber>%s</c:customerNumber></c:publishCustomer></soapenv:Body>
                </soapenv:Envelope>""".formatted(nested(5_000, MARKER), customer);

        HttpResponse<String> answer = post(port, "/services/erp", "text/xml; charset=UTF-8", envelope, "erp");

        assertThat(answer.statusCode()).isBetween(400, 599);
        assertThat(answer.body()).contains("Fault").contains("faultcode").containsIgnoringCase("depth").contains("100");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), customer);
        assertThat(log.getAll()).doesNotContain(MARKER).doesNotContain(customer);
    }

    @Test
    void anUnknownCharsetOnSoapIsAClientFaultNotA500(CapturedOutput log) {
        String customer = "SC" + System.nanoTime() % 1_000_000;
        String envelope = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:werkbridge:erp:customer:1">
                  <soapenv:Body><c:publishCustomer><c:customerNumber>%s</c:customerNumber></c:publishCustomer></soapenv:Body>
                </soapenv:Envelope>""".formatted(customer);

        HttpResponse<String> answer = post(port, "/services/erp", "text/xml; charset=x-Erika-" + MARKER, envelope, "erp");

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>").contains("charset")
                .doesNotContain(MARKER);
        nothingForwarded(List.of(SHOP, PORTAL, ERP), customer);
        assertThat(log.getAll()).doesNotContain(MARKER);
    }
}
