package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The machine-data flow from the canonical inbound queue: topic, one queue per destination, privacy gate, HTTP to
 * the WireMock portal and ERP, checked field by field. Operator and location are personal: the portal gets the
 * operator id hashed, the name and a generalised location; the ERP gets neither.
 */
class MachineDataFlowTest extends HubTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void machineEventReachesPortalAndErpFilteredFieldByField() {
        String machine = unique("MF");
        ObjectNode envelope = event(machine, "2026-11-20T10:15:00Z");
        jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(envelope));

        await().atMost(WAIT).until(() -> machineEvents(PORTAL, machine).size() == 1 && machineEvents(ERP, machine).size() == 1);
        JsonNode portal = machineEvents(PORTAL, machine).get(0);
        JsonNode erp = machineEvents(ERP, machine).get(0);
        String messageId = envelope.path("messageId").asText();
        for (JsonNode delivered : List.of(portal, erp)) {
            assertThat(delivered.path("messageId").asText()).isEqualTo(messageId);
            assertThat(delivered.path("type").asText()).isEqualTo("machine-event");
            assertThat(delivered.path("key").asText()).isEqualTo(machine);
            assertThat(delivered.path("operation").asText()).isEqualTo("upsert");
            assertThat(delivered.path("occurredAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
        }

        JsonNode portalBody = portal.path("body");
        assertThat(fieldNames(portalBody)).containsExactlyInAnyOrder("machineNumber", "machineType", "customerNumber",
                "timestamp", "kind", "values", "operator", "location", "origin");
        assertThat(portalBody.path("machineNumber").asText()).isEqualTo(machine);
        assertThat(portalBody.path("machineType").asText()).isEqualTo("HP 400 press");
        assertThat(portalBody.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(portalBody.path("timestamp").asText()).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(portalBody.path("kind").asText()).isEqualTo("status");
        assertThat(portalBody.path("values")).isEqualTo(CanonicalJson.read("{\"execution\":\"RUNNING\",\"spindleSpeed\":1200}"));
        assertThat(fieldNames(portalBody.path("operator"))).containsExactlyInAnyOrder("id", "name");
        assertThat(portalBody.path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(portalBody.path("operator").path("name").asText()).isEqualTo("Erika Beispiel");
        assertThat(portalBody.path("location").path("lat").decimalValue()).isEqualByComparingTo("52.0");
        assertThat(portalBody.path("location").path("lon").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(portalBody.path("origin")).isEqualTo(CanonicalJson.read("{\"protocol\":\"serial\",\"endpoint\":\"/dev/ttyS0\"}"));
        assertThat(portal.toString()).doesNotContain("W-0815").doesNotContain("52.0215").doesNotContain("8.5311");

        JsonNode erpBody = erp.path("body");
        // the gate drops operator.id and operator.name; the emptied object stays, with nothing in it
        assertThat(fieldNames(erpBody)).containsExactlyInAnyOrder("machineNumber", "machineType", "customerNumber",
                "timestamp", "kind", "values", "operator", "origin");
        assertThat(fieldNames(erpBody.path("operator"))).isEmpty();
        assertThat(erpBody.path("machineType").asText()).isEqualTo("HP 400 press");
        assertThat(erpBody.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(erpBody.path("values")).isEqualTo(portalBody.path("values"));
        assertThat(erpBody.path("origin")).isEqualTo(portalBody.path("origin"));
        assertThat(erp.toString()).doesNotContain("W-0815").doesNotContain("Erika").doesNotContain("52.0");

        // the OPC UA test machine reports to the portal too: pick this event's request, not the newest one
        assertThat(PORTAL.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/machine-events"))
                .filter(e -> e.getRequest().getBodyAsString().contains(messageId)).findFirst().orElseThrow()
                .getRequest().getHeader("Idempotency-Key")).isEqualTo(messageId);

        // the map takes the event too, as it says where the machine is (AppAndMapsFlowTest); the app takes alarms only
        await().atMost(WAIT).until(() -> disclosures(messageId).size() == 3);
        assertThat(disclosures(messageId)).extracting(r -> r.get("destination")).containsExactlyInAnyOrder("portal", "erp", "maps");
        Map<String, Object> toPortal = disclosure(messageId, "portal");
        assertThat(toPortal.get("processor")).isEqualTo("werkbliq");
        assertThat(toPortal.get("categories_masked").toString().split(",")).containsExactlyInAnyOrder("personnel.id", "access.place");
        assertThat(toPortal.get("categories_sent").toString()).contains("personnel.name", "machine.number", "machine.state");
        Map<String, Object> toErp = disclosure(messageId, "erp");
        assertThat(toErp.get("processor")).isEqualTo("controller");
        assertThat(toErp.get("categories_dropped").toString().split(",")).containsExactlyInAnyOrder("personnel.id", "personnel.name", "access.place");
        assertThat(toErp.get("categories_masked")).satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v.toString()).isEmpty());
        assertThat(toErp.values().toString()).doesNotContain("Erika");
    }

    @Test
    void eventsOfOneMachineArriveInOrder() {
        String machine = unique("MO");
        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 25; i++) {
            // in the machine's message group, as every producer on an inbound queue (8 consumers) must send
            jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(event(machine, start.plusSeconds(i).toString())),
                    message -> {
                        message.setStringProperty("JMSXGroupID", machine);
                        return message;
                    });
        }
        await().atMost(WAIT).until(() -> machineEvents(PORTAL, machine).size() == 25 && machineEvents(ERP, machine).size() == 25);
        List<String> expected = IntStream.range(0, 25).mapToObj(i -> start.plusSeconds(i).toString()).toList();
        assertThat(machineEvents(PORTAL, machine)).extracting(m -> m.path("occurredAt").asText()).containsExactlyElementsOf(expected);
        assertThat(machineEvents(ERP, machine)).extracting(m -> m.path("occurredAt").asText()).containsExactlyElementsOf(expected);
    }

    @Test
    void invalidMachineEventIsParkedWithItsReason() throws Exception {
        String machine = unique("MI");
        ObjectNode envelope = event(machine, "2026-11-20T10:15:00Z");
        ((ObjectNode) envelope.path("body")).put("kind", "gossip");
        jms.setReceiveTimeout(WAIT.toMillis());
        jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(envelope));

        jakarta.jms.Message parked = jms.receiveSelected("werkbridge.machine-data.dlq", "WerkbridgeFailedRoute = 'machine-data-inbound'");
        assertThat(parked).isNotNull();
        assertThat(parked.getStringProperty(DeadLetters.REASON)).contains("InvalidCanonicalMessageException").contains("$.body.kind")
                .doesNotContain("gossip");
        assertThat(parked.getStringProperty(DeadLetters.FAILED_ROUTE)).isEqualTo("machine-data-inbound");
        assertThat(machineEvents(PORTAL, machine)).isEmpty();
    }

    static ObjectNode event(String machineNumber, String timestamp) {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"%s","type":"machine-event","key":"%s","operation":"upsert",
                 "occurredAt":"%s","source":"test",
                 "body":{"machineNumber":"%s","machineType":"HP 400 press","customerNumber":"100234",
                         "timestamp":"%s","kind":"status","values":{"execution":"RUNNING","spindleSpeed":1200},
                         "operator":{"id":"W-0815","name":"Erika Beispiel"},
                         "location":{"lat":52.0215,"lon":8.5311},
                         "origin":{"protocol":"serial","endpoint":"/dev/ttyS0"}}}
                """.formatted(UUID.randomUUID(), machineNumber, timestamp, machineNumber, timestamp));
    }

    private List<Map<String, Object>> disclosures(String messageId) {
        return disclosures(jdbc, messageId);
    }

    /** The disclosure records of one message, column names in lower case. */
    static List<Map<String, Object>> disclosures(JdbcTemplate jdbc, String messageId) {
        return jdbc.queryForList("SELECT * FROM disclosure WHERE message_id = ?", messageId).stream()
                .map(MachineDataFlowTest::lowerCaseKeys).toList();
    }

    private Map<String, Object> disclosure(String messageId, String destination) {
        return disclosure(jdbc, messageId, destination);
    }

    static Map<String, Object> disclosure(JdbcTemplate jdbc, String messageId, String destination) {
        return disclosures(jdbc, messageId).stream().filter(r -> destination.equals(r.get("destination"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
