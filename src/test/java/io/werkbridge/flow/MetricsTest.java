package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The metrics an operator scrapes at /actuator/prometheus move with the traffic and never carry message content. */
class MetricsTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    JmsTemplate jms;

    @Test
    void onlyOperatorsScrape() {
        assertThat(api().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/actuator/prometheus", "erp").statusCode()).isEqualTo(403);
        assertThat(api().get("/actuator/prometheus", "operator").statusCode()).isEqualTo(200);
    }

    @Test
    void countersTimersAndGaugesMoveWithTheTraffic() throws Exception {
        String before = scrape();
        String number = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String email = "metrics." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", email, "x")).statusCode())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);

        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "werkbridge_messages_received_total", Map.of("flow", "customer-master"))).isGreaterThanOrEqualTo(1);
            for (String destination : new String[] {"shop", "portal"}) {
                Map<String, String> labels = Map.of("flow", "customer-master", "destination", destination);
                assertThat(delta(before, after, "werkbridge_messages_delivered_total", labels)).isGreaterThanOrEqualTo(1);
                assertThat(delta(before, after, "werkbridge_delivery_latency_seconds_count", labels)).isGreaterThanOrEqualTo(1);
            }
            assertThat(delta(before, after, "werkbridge_privacy_decisions_total",
                    Map.of("destination", "shop", "category", "communication.phone", "action", "mask"))).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "werkbridge_privacy_decisions_total",
                    Map.of("destination", "shop", "category", "billing.bank-account", "action", "drop"))).isGreaterThanOrEqualTo(1);
            assertThat(after).doesNotContain(number).doesNotContain(email).doesNotContain("Musterfrau");
        });
    }

    @Test
    void deadLettersAreCountedAndTheirQueueDepthShows() {
        String before = scrape();
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer("Q-" + UUID.randomUUID().toString().substring(0, 8));
        envelope.put("operation", "merge");
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));

        Map<String, String> dlq = Map.of("flow", "customer-master", "queue", "werkbridge.customer-master.dlq", "kind", "dead-letter");
        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape();
            // at least: the hub context is shared with other test classes, whose failures may be counted meanwhile
            assertThat(delta(before, after, "werkbridge_messages_failed_total",
                    Map.of("flow", "customer-master", "destination", "inbound"))).isGreaterThanOrEqualTo(1);
            int listed = api().json(api().get("/api/v1/operations/dead-letters/customer-master", "operator")).size();
            assertThat(value(after, "werkbridge_queue_depth", dlq)).isEqualTo(listed).isGreaterThanOrEqualTo(1);
        });
        assertThat(value(scrape(), "werkbridge_queue_depth",
                Map.of("flow", "customer-master", "queue", "werkbridge.customer-master.shop.hold", "kind", "hold"))).isNotNaN();
    }

    private String scrape() {
        HttpResponse<String> response = api().get("/actuator/prometheus", "operator");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        double old = value(before, name, labels);
        return value(after, name, labels) - (Double.isNaN(old) ? 0 : old);
    }

    /** The sample of a metric whose labels include {@code labels}; NaN when there is none. */
    private static double value(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return Double.NaN;
    }
}
