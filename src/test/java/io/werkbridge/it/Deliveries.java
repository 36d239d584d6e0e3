package io.werkbridge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.model.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The requests a WireMock destination received, read back as canonical messages in arrival order. */
final class Deliveries {

    /** One request: the message id in the body, the Idempotency-Key header, the customer and the update sequence. */
    record Delivery(String path, String messageId, String idempotencyKey, String customer, Instant occurredAt, Instant receivedAt) {
    }

    private Deliveries() {
    }

    static List<Delivery> of(WireMockServer server, String path) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> {
                    JsonNode m = CanonicalJson.read(e.getRequest().getBodyAsString());
                    return new Delivery(path, m.path("messageId").asText(), e.getRequest().getHeader("Idempotency-Key"),
                            m.path("body").path("customerNumber").asText(), Instant.parse(m.path("occurredAt").asText()),
                            e.getRequest().getLoggedDate().toInstant());
                })
                .sorted(Comparator.comparing(Delivery::receivedAt))
                .toList();
    }

    /** WireMock as the shop and the portal (webhooks for customer updates), started, answering 202 after the delay. */
    static WireMockServer shopAndPortal(int delayMillis) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        server.start();
        server.stubFor(post(urlPathMatching("/(shop|portal)/customers")).willReturn(aResponse().withStatus(202).withFixedDelay(delayMillis)));
        return server;
    }

    /**
     * Checks what one destination received from hubs that were killed (SIGKILL) at the given instants: every copy
     * carries its message id as Idempotency-Key; no more ids the test never saw acknowledged than posts it sent
     * again for want of an answer (a kill cut off the answer of a publish); every repeat is separated from the copy
     * before it by a kill (a delivery whose record the kill prevented, sent again after it); the updates of each
     * customer in order.
     *
     * @return the number of repeats
     */
    static int checkAcrossKills(WireMockServer server, String path, Set<String> accepted, int unacknowledged, List<Instant> kills) {
        List<Delivery> deliveries = of(server, path);
        assertThat(deliveries).allSatisfy(d -> assertThat(d.idempotencyKey()).isEqualTo(d.messageId()));
        Map<String, List<Delivery>> byId = byMessageId(deliveries);
        assertThat(byId.keySet()).as(path + ": every acknowledged message").containsAll(accepted);
        assertThat(byId.keySet().stream().filter(id -> !accepted.contains(id)).count())
                .as(path + ": unacknowledged messages delivered").isLessThanOrEqualTo(unacknowledged);
        int repeats = 0;
        for (List<Delivery> copies : byId.values()) {
            for (int i = 1; i < copies.size(); i++) {
                Instant first = copies.get(i - 1).receivedAt();
                Instant again = copies.get(i).receivedAt();
                assertThat(kills).as(path + ": a repeated delivery is separated from the copy before it by a kill")
                        .anySatisfy(kill -> assertThat(first).isBefore(kill).satisfies(f -> assertThat(again).isAfter(kill)));
                repeats++;
            }
        }
        byCustomer(deliveries).forEach((customer, updates) -> assertThat(updates)
                .as(path + " updates of " + customer + " in order").extracting(Delivery::occurredAt).isSorted());
        return repeats;
    }

    static Map<String, List<Delivery>> byMessageId(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::messageId));
    }

    static Map<String, List<Delivery>> byCustomer(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::customer));
    }
}
