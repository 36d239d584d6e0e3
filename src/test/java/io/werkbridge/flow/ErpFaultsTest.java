package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Faults of the ERP's web service on the order flow. A refusal of the order (HTTP 400, a SOAP client fault) is
 * redelivered (test profile: 2 redeliveries) with the SAME idempotency key, then parked on werkbridge.orders.dlq with
 * the reason. An unavailable ERP (HTTP 500, a SOAP server fault, a reset connection, its circuit breaker open) is
 * waited for: the order is kept and sent when the ERP is back, with the same key; the breaker closes by itself. So is
 * an HTML error page where the SOAP answer belongs (SAP's ICM in a maintenance window), whatever its status.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ErpFaultsTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String DEAD_LETTERS = "/api/v1/operations/dead-letters/orders";

    private String order(String orderNumber) throws Exception {
        String body = """
                {"orderNumber":"%s","customerNumber":"100234","orderedBy":{"name":"Erika Beispiel"},
                 "lines":[{"partNumber":"DMU-50-3","quantity":1}]}""".formatted(orderNumber);
        var accepted = new HttpCalls(port).send("POST", "/api/v1/shop/orders", body, "shop");
        assertThat(accepted.statusCode()).isEqualTo(202);
        return CanonicalJson.read(accepted.body()).path("messageId").asText();
    }

    private void failOrder(String orderNumber, ResponseDefinitionBuilder answer) {
        ERP.stubFor(ErpServiceStubs.call("createSalesOrder").withRequestBody(containing(orderNumber)).atPriority(1).willReturn(answer));
    }

    private Optional<JsonNode> deadLetter(String messageId) {
        JsonNode all = api().json(api().get(DEAD_LETTERS, "operator"));
        return StreamSupport.stream(all.spliterator(), false).filter(d -> messageId.equals(d.path("messageId").asText())).findFirst();
    }

    /** Sends an order the ERP fails with {@code answer}; returns the dead letter's reason. */
    private String parkedAfterRetries(String orderNumber, ResponseDefinitionBuilder answer) throws Exception {
        return parkedAfterRetries(orderNumber, answer, 1);
    }

    /** @param requestsPerAttempt how many HTTP requests one attempt makes at the ERP */
    private String parkedAfterRetries(String orderNumber, ResponseDefinitionBuilder answer, int requestsPerAttempt) throws Exception {
        failOrder(orderNumber, answer);
        String messageId = order(orderNumber);
        JsonNode parked = await().atMost(WAIT).until(() -> deadLetter(messageId), Optional::isPresent).orElseThrow();
        List<LoggedRequest> calls = ErpServiceStubs.requests(ERP, "createSalesOrder", orderNumber);
        assertThat(calls).as("first attempt and 2 redeliveries").hasSize(3 * requestsPerAttempt);
        assertThat(calls).extracting(ErpServiceStubs::idempotencyKey).containsOnly(messageId);
        assertThat(parked.path("failedQueue").asText()).isEqualTo("werkbridge.orders.erp");
        assertThat(parked.path("failedRoute").asText()).isEqualTo("orders-to-erp");
        return parked.path("reason").asText();
    }

    @Test
    void soapClientFaultIsRetriedWithTheSameKeyThenParked() throws Exception {
        String reason = parkedAfterRetries("ORD-F-CLIENT", ErpServiceStubs.fault("Client", "Kunde gesperrt"));
        assertThat(reason).contains("ERP call createSalesOrder failed: SOAP fault Client").doesNotContain("gesperrt");
    }

    @Test
    void badRequestIsRetriedWithTheSameKeyThenParked() throws Exception {
        String reason = parkedAfterRetries("ORD-F-400", aResponse().withStatus(400).withBody("bad request"));
        assertThat(reason).contains("ErpCallException: ERP call createSalesOrder failed").doesNotContain("bad request");
    }

    @Test
    void unavailableErpIsWaitedForAndGetsTheOrderWhenBack(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        for (var failure : List.of(aResponse().withStatus(503).withBody("internal error"),
                // SAP's ICM or web dispatcher during a maintenance window: a 500 with an HTML page, not a SOAP fault
                aResponse().withStatus(500).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><body><h1>500 Internal Server Error</h1><p>internal error</p></body></html>"),
                ErpServiceStubs.fault("Server", "Auftragssperre aktiv"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))) {
            erpCircuitBreaker.reset();
            String orderNumber = "ORD-W-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            StubMapping down = ERP.stubFor(ErpServiceStubs.call("createSalesOrder").withRequestBody(containing(orderNumber))
                    .atPriority(1).willReturn(failure));
            String messageId = order(orderNumber);
            // more attempts than the redelivery budget's 3, yet nothing dead-lettered: the ERP is waited for
            await().atMost(WAIT).until(() -> ErpServiceStubs.requests(ERP, "createSalesOrder", orderNumber).size() >= 4);
            JsonNode state = destinationState();
            assertThat(state.path("state").asText()).isIn("waiting", "breaker-open");
            assertThat(state.toString()).doesNotContain("Auftragssperre").doesNotContain("internal error");
            assertThat(deadLetter(messageId)).isEmpty();

            ERP.removeStub(down);
            await().atMost(WAIT).until(() -> accepted(orderNumber, down) == 1);
            await().atMost(WAIT).until(() -> destinationState().path("state").asText().equals("delivering"));
            assertThat(ErpServiceStubs.requests(ERP, "createSalesOrder", orderNumber))
                    .extracting(ErpServiceStubs::idempotencyKey).containsOnly(messageId);
            assertThat(accepted(orderNumber, down)).as("one sales order").isEqualTo(1);
            assertThat(deadLetter(messageId)).isEmpty();
        }
        // what the ERP (or the page in front of it) answered stays out of the log
        assertThat(output.getAll()).doesNotContain("500 Internal Server Error").doesNotContain("Auftragssperre");
    }

    @Test
    void aRedeliveryAfterAFailureCreatesNoSecondOrder() throws Exception {
        // the first attempt fails, the redelivery is answered: the ERP saw one key twice, the hub delivered once
        ERP.stubFor(ErpServiceStubs.call("createSalesOrder").withRequestBody(containing("ORD-F-ONCE")).atPriority(1)
                .inScenario("once").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        ERP.stubFor(ErpServiceStubs.call("createSalesOrder").withRequestBody(containing("ORD-F-ONCE")).atPriority(1)
                .inScenario("once").whenScenarioStateIs("up").willReturn(ErpServiceStubs.acknowledge("SO-9")));
        String messageId = order("ORD-F-ONCE");
        await().atMost(WAIT).until(() -> ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-F-ONCE").size() == 2);
        assertThat(ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-F-ONCE"))
                .extracting(ErpServiceStubs::idempotencyKey).containsExactly(messageId, messageId);
        assertThat(deadLetter(messageId)).isEmpty();
    }

    @Test
    void breakerOpensTheOrdersWaitAndTheBreakerClosesByItself() throws Exception {
        // test profile: opens when 50 % of 6 calls failed, tries again after 3 s with one trial call
        StubMapping down = ERP.stubFor(ErpServiceStubs.call("createSalesOrder").atPriority(1).willReturn(aResponse().withStatus(503)));
        List<String> ids = List.of(order("ORD-CB-1"), order("ORD-CB-2"), order("ORD-CB-3"), order("ORD-CB-4"));
        JsonNode open = await().atMost(WAIT).until(this::destinationState, s -> s.path("state").asText().equals("breaker-open"));
        assertThat(open.path("reason").asText()).isEqualTo("circuit breaker open");
        assertThat(ids).allSatisfy(id -> assertThat(deadLetter(id)).isEmpty());

        ERP.removeStub(down);
        await().atMost(WAIT).until(() -> List.of("ORD-CB-1", "ORD-CB-2", "ORD-CB-3", "ORD-CB-4").stream()
                .allMatch(n -> accepted(n, down) == 1));
        await().atMost(WAIT).until(() -> erpCircuitBreaker.getState() == CircuitBreaker.State.CLOSED);
        await().atMost(WAIT).until(() -> destinationState().path("state").asText().equals("delivering"));
        assertThat(ids).allSatisfy(id -> assertThat(deadLetter(id)).isEmpty());
    }

    private JsonNode destinationState() {
        JsonNode all = api().json(api().get("/api/v1/operations/destinations", "operator"));
        return StreamSupport.stream(all.spliterator(), false)
                .filter(d -> d.path("flow").asText().equals("orders") && d.path("destination").asText().equals("erp"))
                .findFirst().orElseThrow();
    }

    /** Requests for this order the ERP answered itself (not with the outage's stub). */
    private static long accepted(String orderNumber, StubMapping down) {
        return ERP.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(orderNumber))
                .filter(e -> e.getStubMapping() == null || !down.getId().equals(e.getStubMapping().getId()))
                .filter(e -> e.getResponse().getStatus() == 200)
                .count();
    }
}
