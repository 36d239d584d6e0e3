package io.werkbridge.flow;

import static io.werkbridge.flow.MachineDataFlowTest.event;
import static io.werkbridge.flow.MachineDataFlowTest.fieldNames;
import static io.werkbridge.flow.MachineDataFlowTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The customer app (machine alarms, service-ticket status changes as push messages) and the map (machine locations)
 * as destinations of the machine-data and service-tickets flows: what each takes (the selection step of its route),
 * and what it receives, field by field against destinations.yml, at WireMock's app backend and map.
 */
class AppAndMapsFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void machineAlarmBecomesAPushMessageForTheOwningCustomerWithWhatTheAppPolicyAllows() {
        String machine = unique("AA");
        ObjectNode status = event(machine, "2026-11-20T10:14:00Z");
        ObjectNode alarm = alarm(machine, "2026-11-20T10:15:00Z");
        ObjectNode orphan = alarm(machine, "2026-11-20T10:16:00Z");
        ((ObjectNode) orphan.path("body")).remove("customerNumber");
        for (ObjectNode envelope : List.of(status, alarm, orphan)) {
            jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(envelope));
        }

        // the portal has all three: the app's selection did not hold anything back from the others
        await().atMost(WAIT).until(() -> machineEvents(PORTAL, machine).size() == 3);
        await().atMost(WAIT).until(() -> !received(APP, machine).isEmpty());
        String alarmId = alarm.path("messageId").asText();
        await().atMost(WAIT).until(() -> disclosures(orphan.path("messageId").asText()).size() == 3);
        List<JsonNode> pushes = received(APP, machine);
        assertThat(pushes).hasSize(1);
        JsonNode push = pushes.get(0);
        assertThat(fieldNames(push)).containsExactlyInAnyOrder("recipient", "event", "messageId", "occurredAt", "data");
        assertThat(push.path("recipient")).isEqualTo(CanonicalJson.read("{\"customerNumber\":\"100234\"}"));
        assertThat(push.path("event").asText()).isEqualTo("machine-alarm");
        assertThat(push.path("messageId").asText()).isEqualTo(alarmId);
        assertThat(push.path("occurredAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
        JsonNode data = push.path("data");
        // app: machine allow, status.customer-number allow; personnel and access.place have no action (dropped),
        // technical drop; the emptied operator object stays, with nothing in it
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("machineNumber", "machineType", "customerNumber", "timestamp",
                "kind", "values", "operator");
        assertThat(data.path("machineNumber").asText()).isEqualTo(machine);
        assertThat(data.path("machineType").asText()).isEqualTo("HP 400 press");
        assertThat(data.path("customerNumber").asText()).isEqualTo("100234");
        assertThat(data.path("timestamp").asText()).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(data.path("kind").asText()).isEqualTo("alarm");
        assertThat(data.path("values")).isEqualTo(CanonicalJson.read("{\"code\":\"E-4711\",\"severity\":\"fault\"}"));
        assertThat(fieldNames(data.path("operator"))).isEmpty();
        assertThat(push.toString()).doesNotContain("W-0815").doesNotContain("Erika").doesNotContain("52.0")
                .doesNotContain("ttyS0");
        ServeEvent request = APP.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(alarmId)).findFirst().orElseThrow();
        assertThat(request.getRequest().getHeader("Idempotency-Key")).isEqualTo(alarmId);
        assertThat(request.getRequest().getHeader("Content-Type")).startsWith("application/json");

        Map<String, Object> toApp = disclosure(alarmId, "app");
        assertThat(toApp.get("processor")).isEqualTo("hybrid-heroes");
        assertThat(toApp.get("purpose")).isEqualTo("mobile-app");
        assertThat(toApp.get("categories_dropped").toString().split(","))
                .containsExactlyInAnyOrder("personnel.id", "personnel.name", "access.place", "technical");
        // neither the status event nor the alarm without an owner was disclosed to the app
        assertThat(disclosures(status.path("messageId").asText())).extracting(r -> r.get("destination"))
                .containsExactlyInAnyOrder("portal", "erp", "maps");
        assertThat(disclosures(orphan.path("messageId").asText())).extracting(r -> r.get("destination"))
                .containsExactlyInAnyOrder("portal", "erp", "maps");
    }

    @Test
    void theMapGetsTheMachineNumberAndItsLocationRoundedToATenthOfADegreeAndNothingElse() {
        String machine = unique("AM");
        ObjectNode located = event(machine, "2026-11-20T10:15:00Z");
        ObjectNode unlocated = event(machine, "2026-11-20T10:16:00Z");
        ((ObjectNode) unlocated.path("body")).remove("location");
        jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(located));
        jms.convertAndSend("werkbridge.machine-data.inbound", CanonicalJson.write(unlocated));

        await().atMost(WAIT).until(() -> machineEvents(PORTAL, machine).size() == 2);
        await().atMost(WAIT).until(() -> disclosures(unlocated.path("messageId").asText()).size() == 2);
        await().atMost(WAIT).until(() -> received(MAPS, machine).size() == 1);
        JsonNode delivered = received(MAPS, machine).get(0);
        assertThat(delivered.path("messageId").asText()).isEqualTo(located.path("messageId").asText());
        assertThat(delivered.path("type").asText()).isEqualTo("machine-event");
        assertThat(delivered.path("key").asText()).isEqualTo(machine);
        JsonNode body = delivered.path("body");
        // maps: machine drop but machine.number allow, access.place generalize; status, personnel, technical dropped
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("machineNumber", "location", "operator");
        assertThat(body.path("machineNumber").asText()).isEqualTo(machine);
        assertThat(fieldNames(body.path("location"))).containsExactly("lat", "lon");
        assertThat(body.path("location").path("lat").decimalValue()).isEqualByComparingTo("52.0");
        assertThat(body.path("location").path("lon").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(fieldNames(body.path("operator"))).isEmpty();
        assertThat(delivered.toString()).doesNotContain("52.0215").doesNotContain("8.5311").doesNotContain("100234")
                .doesNotContain("Erika").doesNotContain("W-0815").doesNotContain("RUNNING").doesNotContain("HP 400");

        Map<String, Object> toMaps = disclosure(located.path("messageId").asText(), "maps");
        assertThat(toMaps.get("processor")).isEqualTo("google-maps");
        assertThat(toMaps.get("categories_masked").toString().split(",")).containsExactly("access.place");
        assertThat(toMaps.get("categories_sent").toString()).contains("machine.number").doesNotContain("machine.state");
        assertThat(toMaps.get("categories_dropped").toString().split(",")).containsExactlyInAnyOrder("machine.type",
                "machine.state", "status.customer-number", "personnel.id", "personnel.name", "technical");
        assertThat(disclosures(unlocated.path("messageId").asText())).extracting(r -> r.get("destination"))
                .containsExactlyInAnyOrder("portal", "erp");
    }

    @Test
    void ticketStatusChangesGoToTheAppAndNewTicketsToTheErpOnly() {
        String ticket = unique("T");
        ObjectNode change = ticket(ticket, """
                "status":"scheduled","statusChangedAt":"2026-11-21T08:00:00Z","priority":"high","preferredDate":"2026-11-24",
                "reportedBy":{"name":"Max Muster","email":"max.muster@example.com","phone":"+49 521 5550 1234"},
                "description":"Please call Max on +49 171 1234567 before the visit\"""");
        ObjectNode created = ticket(unique("T"), """
                "priority":"normal","description":"Spindle makes noise\"""");
        jms.convertAndSend("werkbridge.service-tickets.inbound", CanonicalJson.write(change));
        jms.convertAndSend("werkbridge.service-tickets.inbound", CanonicalJson.write(created));

        String createdTicket = created.path("body").path("ticketId").asText();
        await().atMost(WAIT).until(() -> erpRequestsMentioning(createdTicket) == 1);
        await().atMost(WAIT).until(() -> pushesAbout(ticket).size() == 1);
        await().atMost(WAIT).until(() -> disclosures(created.path("messageId").asText()).size() == 1);
        assertThat(erpRequestsMentioning(ticket)).as("a status change is not a new ticket for the ERP").isZero();
        assertThat(disclosures(change.path("messageId").asText())).extracting(r -> r.get("destination")).containsExactly("app");
        assertThat(disclosures(created.path("messageId").asText())).extracting(r -> r.get("destination")).containsExactly("erp");

        assertThat(pushesAbout(createdTicket)).isEmpty();
        JsonNode push = pushesAbout(ticket).get(0);
        assertThat(push.path("recipient").path("customerNumber").asText()).isEqualTo("100234");
        assertThat(push.path("event").asText()).isEqualTo("ticket-status");
        assertThat(push.path("messageId").asText()).isEqualTo(change.path("messageId").asText());
        JsonNode data = push.path("data");
        // app: planning allow, planning.description drop, master.name allow, communication.email tokenize, phone dropped
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("ticketId", "customerNumber", "machineNumber", "status",
                "statusChangedAt", "priority", "preferredDate", "reportedBy");
        assertThat(data.path("ticketId").asText()).isEqualTo(ticket);
        assertThat(data.path("machineNumber").asText()).isEqualTo("M-2026-0017");
        assertThat(data.path("status").asText()).isEqualTo("scheduled");
        assertThat(data.path("statusChangedAt").asText()).isEqualTo("2026-11-21T08:00:00Z");
        assertThat(data.path("priority").asText()).isEqualTo("high");
        assertThat(data.path("preferredDate").asText()).isEqualTo("2026-11-24");
        assertThat(fieldNames(data.path("reportedBy"))).containsExactlyInAnyOrder("name", "email");
        assertThat(data.path("reportedBy").path("name").asText()).isEqualTo("Max Muster");
        assertThat(data.path("reportedBy").path("email").asText()).isNotBlank().doesNotContain("max.muster");
        assertThat(push.toString()).doesNotContain("1234567").doesNotContain("5550").doesNotContain("visit");
        Map<String, Object> toApp = disclosure(change.path("messageId").asText(), "app");
        assertThat(toApp.get("categories_dropped").toString().split(","))
                .containsExactlyInAnyOrder("communication.phone", "planning.description");
        assertThat(toApp.get("categories_masked").toString().split(",")).containsExactly("communication.email");
    }

    @Test
    void aStatusChangeWithoutDescriptionIsValidButANewTicketWithoutOneIsNot() throws Exception {
        ObjectNode noDescription = ticket(unique("T"), "\"priority\":\"low\"");
        jms.setReceiveTimeout(WAIT.toMillis());
        jms.convertAndSend("werkbridge.service-tickets.inbound", CanonicalJson.write(noDescription));
        jakarta.jms.Message parked = jms.receiveSelected("werkbridge.service-tickets.dlq",
                "WerkbridgeFailedRoute = 'service-tickets-inbound'");
        assertThat(parked).isNotNull();
        assertThat(parked.getStringProperty(io.werkbridge.messaging.DeadLetters.REASON)).contains("description");
        assertThat(pushesAbout(noDescription.path("key").asText())).isEmpty();
    }

    private static ObjectNode alarm(String machine, String timestamp) {
        ObjectNode envelope = event(machine, timestamp);
        ObjectNode body = (ObjectNode) envelope.path("body");
        body.put("kind", "alarm");
        body.set("values", CanonicalJson.read("{\"code\":\"E-4711\",\"severity\":\"fault\"}"));
        return envelope;
    }

    private static ObjectNode ticket(String ticketId, String fields) {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"%s","type":"service-ticket","key":"%s","operation":"upsert",
                 "occurredAt":"2026-11-21T08:00:00Z","source":"test",
                 "body":{"ticketId":"%s","customerNumber":"100234","machineNumber":"M-2026-0017",%s}}
                """.formatted(UUID.randomUUID(), ticketId, ticketId, fields));
    }

    /** Bodies a stub received about one machine (an app push carries it under data), in arrival order. */
    private static List<JsonNode> received(WireMockServer server, String machine) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> machine.equals(m.path("data").path("machineNumber").asText())
                        || machine.equals(m.path("body").path("machineNumber").asText()))
                .toList();
    }

    /** Ticket status pushes the app received for one ticket (machine alarms of the test machines arrive too). */
    private static List<JsonNode> pushesAbout(String ticketId) {
        return APP.getAllServeEvents().stream().map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> ticketId.equals(m.path("data").path("ticketId").asText())).toList();
    }

    private static long erpRequestsMentioning(String ticketId) {
        return ERP.getAllServeEvents().stream().filter(e -> e.getRequest().getBodyAsString().contains(ticketId)).count();
    }

    private List<Map<String, Object>> disclosures(String messageId) {
        return MachineDataFlowTest.disclosures(jdbc, messageId);
    }

    private Map<String, Object> disclosure(String messageId, String destination) {
        return MachineDataFlowTest.disclosure(jdbc, messageId, destination);
    }
}
