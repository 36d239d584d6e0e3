package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.flow.HubTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 19, attack 3: HTTP headers that pose as Camel's or the hub's own (operationName, CamelHttpUri, CamelHttpPath,
 * WerkbridgeMessageId) change nothing: the operation is the one in the SOAP body.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoapHeaderSteeringTest extends HubTestSupport {

    private static final String ATTACK_ID = "attack-id-5f1e2b";

    @Test
    void aPublishWithADeleteOperationHeaderIsStillAnUpsert(CapturedOutput log) throws Exception {
        String number = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> response = new EdgeCalls(port).soap("/services/erp", EdgeCalls.publishCustomer(number),
                "erp", EdgeCalls.password(), Map.of(
                        "operationName", "deleteCustomer",
                        "CamelHttpUri", "/services/attack-uri-77",
                        "CamelHttpPath", "/attack-path-77",
                        "WerkbridgeMessageId", ATTACK_ID));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>").doesNotContain(ATTACK_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(SHOP, number).size() == 1);
        JsonNode shop = delivered(SHOP, number).get(0);
        assertThat(shop.path("operation").asText()).isEqualTo("upsert");
        assertThat(shop.path("body").path("company").path("vatId").asText()).isEqualTo("DE123456789");
        assertThat(shop.path("messageId").asText()).isNotEqualTo(ATTACK_ID);
        assertThat(log.getAll()).doesNotContain(ATTACK_ID).doesNotContain("attack-uri-77").doesNotContain("attack-path-77");
    }

    /** Any other value once reached internal routes (direct:customer-master-<value>) and answered with Java exception text. */
    @Test
    void anOperationHeaderNamingAnInternalRouteReachesNothing(CapturedOutput log) throws Exception {
        String number = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> response = new EdgeCalls(port).soap("/services/erp", EdgeCalls.publishCustomer(number),
                "erp", EdgeCalls.password(), Map.of("OPERATIONNAME", "../shop-customers-attack-99"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>")
                .doesNotContain("Exception").doesNotContain("shop-customers-attack-99");
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(SHOP, number).size() == 1);
        assertThat(delivered(SHOP, number).get(0).path("operation").asText()).isEqualTo("upsert");
        assertThat(log.getAll()).doesNotContain("shop-customers-attack-99");
    }

    @Test
    void aDocumentsCallIsDispatchedOnItsBodyToo(CapturedOutput log) throws Exception {
        // an empty publishInvoice is refused by the schema: it never reached the route the header names
        HttpResponse<String> response = new EdgeCalls(port).soap("/services/erp-documents", """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:werkbridge:erp:documents:1">
                  <soapenv:Body><d:publishInvoice/></soapenv:Body>
                </soapenv:Envelope>""", "erp", EdgeCalls.password(), Map.of("operationName", "attack-op-31"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").doesNotContain("attack-op-31").doesNotContain("direct:");
        assertThat(log.getAll()).doesNotContain("attack-op-31");
    }
}
