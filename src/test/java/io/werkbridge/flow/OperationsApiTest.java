package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.werkbridge.model.CanonicalJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The dead-letter operations API over real HTTP on the running hub: list, inspect (masked), replay, discard. */
class OperationsApiTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BASE = "/api/v1/operations/dead-letters/customer-master";

    @Autowired
    JmsTemplate jms;

    @Test
    void onlyOperatorsReachTheDeadLetters() {
        assertThat(api().get(BASE, null).statusCode()).isEqualTo(401);
        assertThat(api().get(BASE, "erp").statusCode()).isEqualTo(403);
        assertThat(api().get(BASE, "dpo").statusCode()).isEqualTo(403);
        assertThat(api().post(BASE + "/replay", "dpo").statusCode()).isEqualTo(403);
        assertThat(api().get(BASE, "operator").statusCode()).isEqualTo(200);
        HttpResponse<String> unknownFlow = api().get("/api/v1/operations/dead-letters/no-such-flow", "operator");
        assertThat(unknownFlow.statusCode()).isEqualTo(404);
        assertThat(api().json(unknownFlow).path("type").asText()).isEqualTo("urn:werkbridge:problem:unknown-flow");
        HttpResponse<String> badId = api().get(BASE + "/not-an-id", "operator");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(api().json(badId).path("detail").asText()).contains("UUID");
        assertThat(api().get(BASE + "/" + UUID.randomUUID(), "operator").statusCode()).isEqualTo(404);
    }

    @Test
    void deadLetterIsShownMaskedAndReplayedToTheDestinationItFailedOn() throws Exception {
        String number = "DL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        StubMapping failing = SHOP.stubFor(post(urlPathEqualTo("/shop/customers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.body.customerNumber", equalTo(number)))
                .willReturn(aResponse().withStatus(400)));
        String email = "dead.letter." + number.toLowerCase(java.util.Locale.ROOT) + "@example.com";
        assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", email, "Bitte Frau Musterfrau anrufen"))
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).until(() -> deadLetterFor(number) != null);
        assertThat(SHOP.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/shop/customers")).withRequestBody(matchingJsonPath("$.body.customerNumber", equalTo(number)))
                .build()).getCount()).as("first attempt and two redeliveries").isEqualTo(3);

        JsonNode listed = deadLetterFor(number);
        String messageId = listed.path("messageId").asText();
        assertThat(listed.path("reason").asText()).contains("HttpOperationFailedException").contains("400");
        assertThat(listed.path("failedQueue").asText()).isEqualTo("werkbridge.customer-master.shop");
        assertThat(listed.path("failedRoute").asText()).isEqualTo("customer-master-to-shop");
        assertThat(listed.has("message")).as("the list never carries bodies").isFalse();

        HttpResponse<String> inspected = api().get(BASE + "/" + messageId, "operator");
        assertThat(inspected.statusCode()).isEqualTo(200);
        JsonNode view = api().json(inspected);
        JsonNode message = view.path("message");
        assertThat(message.path("messageId").asText()).isEqualTo(messageId);
        assertThat(message.path("key").asText()).matches("\\*+").hasSize(number.length());
        assertThat(message.path("body").path("company").path("name").asText()).isEqualTo("Beispiel Maschinenbau GmbH");
        JsonNode contact = message.path("body").path("contacts").get(0);
        assertThat(contact.path("email").asText()).matches("\\*+").hasSize(email.length());
        assertThat(contact.path("lastName").asText()).isEqualTo("**********");
        assertThat(message.path("body").path("bankAccounts").get(0).path("iban").asText()).matches("\\*{22}");
        assertThat(inspected.body()).doesNotContain(number).doesNotContain(email).doesNotContain("Musterfrau")
                .doesNotContain("DE89370400440532013000").doesNotContain("5550");

        SHOP.removeStub(failing);
        HttpResponse<String> replayed = api().post(BASE + "/replay?messageId=" + messageId, "operator");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(api().json(replayed).path("replayed").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> delivered(SHOP, number).stream()
                .anyMatch(m -> m.path("body").path("contacts").get(0).path("email").asText().equals(email)));
        assertThat(delivered(PORTAL, number)).as("a replay goes to the destination that failed only").hasSize(1);
        assertThat(deadLetterFor(number)).isNull();
        assertThat(api().post(BASE + "/replay?messageId=" + messageId, "operator").body()).contains("\"replayed\":0");
    }

    @Test
    void invalidMessageIsInspectedAndDiscardedByItsBrokerId() {
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer("X-" + UUID.randomUUID().toString().substring(0, 8));
        envelope.put("operation", "merge");
        String marker = "synthetic-marker-" + UUID.randomUUID();
        ((ObjectNode) envelope.path("body")).put("remarks", marker);
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));
        await().atMost(WAIT).until(() -> invalidDeadLetter() != null);
        JsonNode listed = invalidDeadLetter();
        assertThat(listed.path("messageId").isNull()).as("never got a canonical id").isTrue();
        String jmsId = listed.path("jmsMessageId").asText();
        assertThat(listed.path("failedQueue").asText()).isEqualTo("werkbridge.customer-master.inbound");

        HttpResponse<String> inspected = api().get(BASE + "/" + jmsId, "operator");
        assertThat(inspected.statusCode()).isEqualTo(200);
        assertThat(inspected.body()).doesNotContain(marker).doesNotContain("Beispiel");
        assertThat(api().json(inspected).path("message").path("operation").asText()).isEqualTo("merge");

        assertThat(api().post(BASE + "/discard?messageId=" + jmsId, "operator").statusCode()).as("a discard needs a reason").isEqualTo(400);
        assertThat(invalidDeadLetter()).isNotNull();
        assertThat(api().post(BASE + "/discard?messageId=" + jmsId + "&reason=invalid%20test%20message", "operator").statusCode()).isEqualTo(200);
        JsonNode decided = api().json(api().get("/api/v1/operations/parked/decisions/" + jmsId, "operator"));
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).path("action").asText()).isEqualTo("discard");
        assertThat(decided.get(0).path("decidedBy").asText()).isEqualTo("operator");
        assertThat(decided.get(0).path("reason").asText()).isEqualTo("invalid test message");
        HttpResponse<String> again = api().post(BASE + "/discard?messageId=" + jmsId + "&reason=again", "operator");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(invalidDeadLetter()).isNull();
    }

    /** The listed dead letter of the message the shop refused for this customer, or null. */
    private JsonNode deadLetterFor(String number) {
        java.util.Set<String> refused = new java.util.HashSet<>();
        SHOP.getAllServeEvents().stream().map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> number.equals(m.path("body").path("customerNumber").asText()))
                .forEach(m -> refused.add(m.path("messageId").asText()));
        JsonNode list = api().json(api().get(BASE, "operator"));
        return StreamSupport.stream(list.spliterator(), false)
                .filter(entry -> refused.contains(entry.path("messageId").asText()))
                .findFirst().orElse(null);
    }

    private JsonNode invalidDeadLetter() {
        JsonNode list = api().json(api().get(BASE, "operator"));
        return StreamSupport.stream(list.spliterator(), false)
                .filter(entry -> entry.path("messageId").isNull() && entry.path("reason").asText().contains("$.operation"))
                .findFirst().orElse(null);
    }
}
