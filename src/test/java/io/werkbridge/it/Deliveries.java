package io.werkbridge.it;

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

    static Map<String, List<Delivery>> byMessageId(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::messageId));
    }

    static Map<String, List<Delivery>> byCustomer(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::customer));
    }
}
