package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Faults of the ERP's web service on the order flow: each is redelivered (test profile: 2 redeliveries) with the SAME
 * idempotency key, then parked on werkbridge.orders.dlq with the reason; the ERP's circuit breaker opens after
 * repeated failures (calls stop reaching the ERP) and closes again by itself once the ERP answers.
 */
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
    void httpErrorIsRetriedWithTheSameKeyThenParked() throws Exception {
        String reason = parkedAfterRetries("ORD-F-500", aResponse().withStatus(500).withBody("internal error"));
        assertThat(reason).contains("ErpCallException: ERP call createSalesOrder failed").doesNotContain("internal error");
    }

    @Test
    void soapFaultIsRetriedWithTheSameKeyThenParked() throws Exception {
        String reason = parkedAfterRetries("ORD-F-FAULT", ErpServiceStubs.fault("Auftragssperre aktiv"));
        assertThat(reason).contains("ERP call createSalesOrder failed: SOAP fault Server").doesNotContain("Auftragssperre");
    }

    @Test
    void timeoutIsRetriedWithTheSameKeyThenParked() throws Exception {
        // the test profile's receive timeout is 4 s
        String reason = parkedAfterRetries("ORD-F-SLOW", ErpServiceStubs.acknowledge("SO-1").withFixedDelay(6000));
        assertThat(reason).contains("ERP call createSalesOrder failed: timed out");
    }

    @Test
    void connectionResetIsRetriedWithTheSameKeyThenParked() throws Exception {
        // the JDK's HttpURLConnection sends a POST once more by itself when the connection was reset before any answer
        String reason = parkedAfterRetries("ORD-F-RESET", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 2);
        assertThat(reason).contains("ERP call createSalesOrder failed: I/O error");
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
    void breakerOpensAfterRepeatedFailuresAndClosesByItself() throws Exception {
        // test profile: opens when 50 % of 6 calls failed, tries again after 3 s with one trial call
        ERP.stubFor(ErpServiceStubs.call("createSalesOrder").atPriority(1).willReturn(aResponse().withStatus(500)));
        List<String> ids = List.of(order("ORD-CB-1"), order("ORD-CB-2"), order("ORD-CB-3"), order("ORD-CB-4"));
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> deadLetter(id).isPresent()));
        int reached = ErpServiceStubs.requests(ERP, "createSalesOrder").size();
        assertThat(reached).as("4 orders x 3 attempts, but the open breaker kept some from the ERP").isLessThan(12);
        assertThat(ids.stream().map(id -> deadLetter(id).orElseThrow().path("reason").asText()))
                .anyMatch(r -> r.contains("circuit breaker open"));
        assertThat(erpCircuitBreaker.getState()).isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

        ERP.resetRequests();
        ERP.resetMappings();
        ErpServiceStubs.defaults(ERP);
        await().atMost(WAIT).until(() -> erpCircuitBreaker.getState() == CircuitBreaker.State.HALF_OPEN);
        order("ORD-CB-5");
        await().atMost(WAIT).until(() -> ErpServiceStubs.requests(ERP, "createSalesOrder", "ORD-CB-5").size() == 1);
        await().atMost(WAIT).until(() -> erpCircuitBreaker.getState() == CircuitBreaker.State.CLOSED);
    }
}
