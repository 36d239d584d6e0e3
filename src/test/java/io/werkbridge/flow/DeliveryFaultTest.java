package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Destinations that fail: connection resets, 503, 429 with Retry-After, answers too slow (timeout), a destination that
 * stays down beyond the retries, and one that refuses a message (400). Nothing is lost: an unavailable destination is
 * waited for (probes from 200 ms, at most 1 s apart in the test profile) and gets the message when it is back; a
 * refused message is redelivered (two redeliveries, 100-500 ms apart), dead-lettered, and a replay delivers it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryFaultTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connectionResetsAreRedelivered() throws Exception {
        String number = failTwiceThenAccept(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        publish(number);
        await().atMost(WAIT).until(() -> requestsFor(number).size() == 3 && ledgerRows(number) == 1);
        assertThat(requestsFor(number)).extracting(e -> e.getResponse().getStatus()).last().isEqualTo(202);
    }

    @Test
    void unavailableDestinationIsRedelivered() throws Exception {
        String number = failTwiceThenAccept(aResponse().withStatus(503));
        publish(number);
        await().atMost(WAIT).until(() -> requestsFor(number).size() == 3 && ledgerRows(number) == 1);
        assertThat(requestsFor(number)).extracting(e -> e.getResponse().getStatus()).containsExactly(503, 503, 202);
    }

    @Test
    void answerTooSlowIsSentAgainWithTheSameIdempotencyKey() throws Exception {
        String number = failTwiceThenAccept(aResponse().withStatus(202).withFixedDelay(6500));
        publish(number);
        await().atMost(WAIT).until(() -> requestsFor(number).size() == 3 && ledgerRows(number) == 1);
        // the shop may have applied the slow requests: the key lets it recognise the repeats
        List<String> keys = requestsFor(number).stream().map(e -> e.getRequest().getHeader("Idempotency-Key")).distinct().toList();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).isEqualTo(CanonicalJson.read(requestsFor(number).get(0).getRequest().getBodyAsString())
                .path("messageId").asText());
    }

    @Test
    void tooManyRequestsIsWaitedForNoSoonerThanItsRetryAfter() throws Exception {
        String number = failTwiceThenAccept(aResponse().withStatus(429).withHeader("Retry-After", "2"));
        publish(number);
        await().atMost(WAIT).until(() -> requestsFor(number).size() == 3 && ledgerRows(number) == 1);
        List<ServeEvent> requests = requestsFor(number);
        assertThat(requests).extracting(e -> e.getResponse().getStatus()).containsExactly(429, 429, 202);
        // the back-off alone (test profile: first probe after 200 ms) would have asked again within a second
        for (int i = 1; i < requests.size(); i++) {
            long apart = requests.get(i).getRequest().getLoggedDate().getTime() - requests.get(i - 1).getRequest().getLoggedDate().getTime();
            assertThat(apart).as("request %d waited for Retry-After: 2", i + 1).isGreaterThanOrEqualTo(1900);
        }
        assertThat(deadLetterIds()).doesNotContain(messageIdOf(number));
    }

    @Test
    void destinationDownBeyondTheRetriesIsWaitedForAndDeliveredWhenBack(CapturedOutput output) throws Exception {
        String number = unique();
        var down = SHOP.stubFor(forCustomer(number).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        publish(number);
        // the redelivery budget (3 attempts) is long spent: the shop is waited for, probed, the message kept
        await().atMost(WAIT).until(() -> requestsFor(number).size() >= 6);
        JsonNode shop = destinationState("customer-master", "shop");
        assertThat(shop.path("state").asText()).isEqualTo("waiting");
        assertThat(shop.path("reason").asText()).startsWith("I/O error");
        assertThat(shop.path("failedProbes").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(shop.toString()).doesNotContain(number);
        assertThat(deadLetterIds()).doesNotContain(messageIdOf(number));
        assertThat(ledgerRows(number)).isZero();
        // down longer than its maximum wait (test profile: 2 s): the alert, in the state, the gauge and the log
        await().atMost(WAIT).until(() -> destinationState("customer-master", "shop").path("alert").asBoolean());
        assertThat(api().get("/actuator/prometheus", "operator").body())
                .contains("werkbridge_destination_waiting_alert{destination=\"shop\",flow=\"customer-master\"} 1.0");
        assertThat(output.getAll()).contains("customer-master/shop: ALERT destination unavailable for more than PT2S");
        assertThat(output.getAll().lines().filter(l -> l.contains("ALERT"))).noneMatch(l -> l.contains(number));

        SHOP.removeStub(down); // the shop is back
        await().atMost(WAIT).until(() -> ledgerRows(number) == 1);
        assertThat(requestsFor(number)).last().satisfies(e -> assertThat(e.getResponse().getStatus()).isEqualTo(202));
        assertThat(delivered(PORTAL, number)).hasSize(1);
        await().atMost(WAIT).until(() -> destinationState("customer-master", "shop").path("state").asText().equals("delivering"));
        assertThat(destinationState("customer-master", "shop").path("alert").asBoolean()).isFalse();
    }

    @Test
    void refusedMessageIsDeadLetteredAfterItsRetriesAndReplayDelivers() throws Exception {
        String number = unique();
        var refused = SHOP.stubFor(forCustomer(number).willReturn(aResponse().withStatus(400)));
        publish(number);
        ApiCalls api = api();
        String base = "/api/v1/operations/dead-letters/customer-master";
        await().atMost(WAIT).until(() -> requestsFor(number).size() == 3 && deadLetterIds().contains(messageIdOf(number)));
        assertThat(ledgerRows(number)).isZero();
        assertThat(api.json(api.get(base + "/" + messageIdOf(number), "operator")).path("reason").asText())
                .contains("HttpOperationFailedException").contains("400");
        assertThat(destinationState("customer-master", "shop").path("state").asText()).isEqualTo("delivering");

        SHOP.removeStub(refused); // the shop's data is fixed
        assertThat(api.post(base + "/replay?messageId=" + messageIdOf(number), "operator").body()).contains("\"replayed\":1");
        await().atMost(WAIT).until(() -> ledgerRows(number) == 1);
        assertThat(requestsFor(number)).hasSize(4).last().satisfies(e -> assertThat(e.getResponse().getStatus()).isEqualTo(202));
        assertThat(delivered(PORTAL, number)).hasSize(1);
    }

    private List<String> deadLetterIds() {
        JsonNode all = api().json(api().get("/api/v1/operations/dead-letters/customer-master", "operator"));
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).map(d -> d.path("messageId").asText()).toList();
    }

    private JsonNode destinationState(String flow, String destination) {
        JsonNode all = api().json(api().get("/api/v1/operations/destinations", "operator"));
        return java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .filter(d -> d.path("flow").asText().equals(flow) && d.path("destination").asText().equals(destination))
                .findFirst().orElseThrow();
    }

    private String failTwiceThenAccept(ResponseDefinitionBuilder failure) {
        String number = unique();
        String scenario = "faults-" + number;
        SHOP.stubFor(forCustomer(number).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("failed once"));
        SHOP.stubFor(forCustomer(number).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(failure).willSetStateTo("failed twice"));
        SHOP.stubFor(forCustomer(number).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(202)));
        return number;
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder forCustomer(String number) {
        return post(urlPathEqualTo("/shop/customers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.body.customerNumber", equalTo(number)));
    }

    private void publish(String number) throws Exception {
        assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "fault@example.com", "x"))
                .statusCode()).isEqualTo(200);
    }

    /** Requests to the shop about this customer, oldest first. */
    private static List<ServeEvent> requestsFor(String number) {
        List<ServeEvent> events = new java.util.ArrayList<>(SHOP.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getBodyAsString().contains("\"customerNumber\":\"" + number + "\"")).toList();
    }

    private static String messageIdOf(String number) {
        return requestsFor(number).stream().findFirst()
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()).path("messageId").asText()).orElse("none");
    }

    private int ledgerRows(String number) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop' AND message_id = ?",
                Integer.class, messageIdOf(number));
        return rows == null ? 0 : rows;
    }

    private static String unique() {
        return "FT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
