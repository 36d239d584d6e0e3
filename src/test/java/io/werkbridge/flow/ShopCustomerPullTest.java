package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Shop pull: GET /api/v1/shop/customers/{customerNumber} asks the ERP (lookupCustomer at WireMock), filters the answer
 * for the shop and records the disclosure; unknown customer 404, bad number 400, ERP failing 502, breaker open 503.
 */
class ShopCustomerPullTest extends HubTestSupport {

    private static final String PATH = "/api/v1/shop/customers/";

    @Test
    void customerIsReadFromTheErpAndFilteredForTheShop() {
        HttpResponse<String> response = api().get(PATH + ErpServiceStubs.CUSTOMER_NUMBER, "shop");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode envelope = api().json(response);
        assertThat(envelope.path("type").asText()).isEqualTo("customer");
        assertThat(envelope.path("source").asText()).isEqualTo("erp");
        JsonNode body = envelope.path("body");
        assertThat(body.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(body.path("company").path("name").asText()).isEqualTo("Beispiel GmbH");
        assertThat(body.path("company").path("address").path("city").asText()).isEqualTo("Bielefeld");
        JsonNode erika = body.path("contacts").get(0);
        assertThat(erika.path("firstName").asText()).isEqualTo("Erika");
        assertThat(erika.path("email").asText()).isEqualTo("erika@example.com");
        assertThat(erika.path("function").asText()).isEqualTo("Einkauf");
        assertThat(erika.path("phone").asText()).endsWith("1234").doesNotContain("5550");
        assertThat(erika.path("id").asText()).isNotEqualTo("K-1").isNotBlank();
        assertThat(erika.has("title")).as("voluntary.title is not for the shop").isFalse();
        assertThat(body.has("bankAccounts")).isFalse();
        assertThat(body.has("remarks")).isFalse();
        assertThat(response.body()).doesNotContain("DE02120300000000202051").doesNotContain("Mondays");
        assertThat(body.path("contacts")).hasSize(2);

        // the disclosure is recorded like any delivery's
        String messageId = envelope.path("messageId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(
                        api().json(api().get("/api/v1/audit/disclosures?destination=shop&limit=500", "dpo")).spliterator(), false)
                .anyMatch(d -> messageId.equals(d.path("messageId").asText())));
        assertThat(ErpServiceStubs.requests(ERP, "lookupCustomer")).hasSize(1);
        assertThat(ErpServiceStubs.idempotencyKey(ErpServiceStubs.requests(ERP, "lookupCustomer").get(0))).isNotBlank();
    }

    @Test
    void unknownCustomerIs404() {
        HttpResponse<String> response = api().get(PATH + "999999", "shop");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(ErpServiceStubs.xml(ErpServiceStubs.requests(ERP, "lookupCustomer").get(0)))
                .contains("<customerNumber>999999</customerNumber>");
    }

    @Test
    void badNumberIs400AndTheErpIsNotAsked() {
        for (String bad : new String[] {"abc", "1%27%20OR%201%3D1", "X".repeat(21)}) {
            HttpResponse<String> response = api().get(PATH + bad, "shop");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("customerNumber").doesNotContain("OR 1=1");
        }
        assertThat(ErpServiceStubs.requests(ERP, "lookupCustomer")).isEmpty();
    }

    @Test
    void erpFailingIs502AndOpenBreakerIs503() {
        ERP.stubFor(ErpServiceStubs.call("lookupCustomer").atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> failed = api().get(PATH + ErpServiceStubs.CUSTOMER_NUMBER, "shop");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).doesNotContain("Erika");

        ERP.stubFor(ErpServiceStubs.call("lookupCustomer").atPriority(1).willReturn(ErpServiceStubs.fault("Kunde Erika gesperrt")));
        HttpResponse<String> fault = api().get(PATH + ErpServiceStubs.CUSTOMER_NUMBER, "shop");
        assertThat(fault.statusCode()).isEqualTo(502);
        assertThat(fault.body()).doesNotContain("Erika");

        erpCircuitBreaker.transitionToOpenState();
        int asked = ErpServiceStubs.requests(ERP, "lookupCustomer").size();
        HttpResponse<String> open = api().get(PATH + ErpServiceStubs.CUSTOMER_NUMBER, "shop");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(ErpServiceStubs.requests(ERP, "lookupCustomer")).hasSize(asked);
    }
}
