package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.demo.SimulatedOpcUaMachine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.Test;

/**
 * A machine with an OPC UA server: the hub subscribes (camel-milo) to the nodes of an embedded Eclipse Milo server;
 * values the test changes on the server arrive at the WireMock portal and ERP as machine events of the mapped kind.
 */
class OpcUaMachineTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MACHINE = "T-OPCUA-1";
    private static final SimulatedOpcUaMachine SERVER = MachinePeers.OPC_UA;

    @Test
    void dataChangesBecomeMachineEventsOfTheMappedKind() {
        String program = "O-" + UUID.randomUUID().toString().substring(0, 8);
        SERVER.set("Machine/Operator/Id", "W-4711");
        SERVER.set("Machine/Operator/Name", "Max Beispiel");
        // the operator is context: wait until the hub has it before the program changes
        String state = "Running-" + UUID.randomUUID().toString().substring(0, 8);
        await().atMost(WAIT).untilAsserted(() -> {
            SERVER.set("Machine/Monitoring/State", state + "-" + System.nanoTime());
            assertThat(withValue(PORTAL, "state", s -> s.startsWith(state)))
                    .hasValueSatisfying(e -> assertThat(e.path("body").path("operator").path("name").asText()).isEqualTo("Max Beispiel"));
        });

        SERVER.set("Machine/Production/Program", program);
        SERVER.set("Machine/Production/PartCount", UInteger.valueOf(4242));
        SERVER.set("Machine/Notifications/AlarmText", LocalizedText.english("Spindle overload " + program));
        SERVER.set("Machine/Monitoring/SpindleSpeed", 1234.5);
        SERVER.set("Machine/Identification/SoftwareRevision", "2.1." + program);

        JsonNode programEvent = awaitEvent(PORTAL, "program", program);
        assertThat(programEvent.path("body").path("kind").asText()).isEqualTo("program");
        assertThat(programEvent.path("body").path("machineType").asText()).isEqualTo("MX 5 mill");
        assertThat(programEvent.path("body").path("customerNumber").asText()).isEqualTo("900002");
        assertThat(programEvent.path("body").path("origin").path("protocol").asText()).isEqualTo("opcua");
        assertThat(programEvent.path("body").path("origin").path("endpoint").asText()).isEqualTo(SERVER.endpoint());
        assertThat(programEvent.path("body").path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(programEvent.path("body").path("operator").path("name").asText()).isEqualTo("Max Beispiel");

        JsonNode counter = awaitMachineEvent(PORTAL, MACHINE, "partCount", v -> v.path("partCount").asLong() == 4242);
        assertThat(counter.path("body").path("kind").asText()).isEqualTo("counter");
        assertThat(counter.path("body").path("values").toString()).isEqualTo("{\"partCount\":4242}");
        JsonNode alarm = awaitEvent(PORTAL, "text", "Spindle overload " + program);
        assertThat(alarm.path("body").path("kind").asText()).isEqualTo("alarm");
        JsonNode speed = awaitMachineEvent(PORTAL, MACHINE, "spindleSpeed", v -> v.path("spindleSpeed").asDouble() == 1234.5);
        assertThat(speed.path("body").path("kind").asText()).isEqualTo("status");
        JsonNode commissioning = awaitEvent(PORTAL, "softwareRevision", "2.1." + program);
        assertThat(commissioning.path("body").path("kind").asText()).isEqualTo("commissioning");

        JsonNode erpProgram = awaitEvent(ERP, "program", program);
        assertThat(erpProgram.path("body").path("kind").asText()).isEqualTo("program");
        assertThat(erpProgram.path("body").path("operator").isEmpty()).isTrue();
        assertThat(erpProgram.toString()).doesNotContain("Max Beispiel").doesNotContain("W-4711");
        assertThat(awaitEvent(ERP, "text", "Spindle overload " + program).path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(awaitMachineEvent(ERP, MACHINE, "partCount", v -> v.path("partCount").asLong() == 4242)
                .path("body").path("kind").asText()).isEqualTo("counter");

        SERVER.set("Machine/Operator/Id", "");
        SERVER.set("Machine/Operator/Name", "");
        String idle = "Idle-" + UUID.randomUUID().toString().substring(0, 8);
        await().atMost(WAIT).untilAsserted(() -> {
            SERVER.set("Machine/Monitoring/State", idle + "-" + System.nanoTime());
            assertThat(withValue(PORTAL, "state", s -> s.startsWith(idle)))
                    .as("after the operator logs out, events carry no operator")
                    .hasValueSatisfying(e -> assertThat(e.path("body").has("operator")).isFalse());
        });
    }

    /** alarms: true in the machine file: the server's Alarms & Conditions events become alarm events. */
    @Test
    void conditionEventsOfTheServerBecomeAlarmEvents() {
        String condition = "A-" + UUID.randomUUID().toString().substring(0, 6);
        // the event subscription sees only events raised after it exists: raise until the first arrives
        JsonNode raised = await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            SERVER.fireAlarm(condition, 800, "Door interlock open", true, false);
            return machineEvents(PORTAL, MACHINE).stream()
                    .filter(e -> condition.equals(e.path("body").path("values").path("condition").asText())).findFirst();
        }, Optional::isPresent).orElseThrow();
        JsonNode values = raised.path("body").path("values");
        assertThat(raised.path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(values.path("severity").asInt()).isEqualTo(800);
        assertThat(values.path("message").asText()).isEqualTo("Door interlock open");
        assertThat(values.path("source").asText()).isEqualTo("Machine/Notifications");
        assertThat(values.path("acknowledged").asBoolean()).isFalse();
        assertThat(values.path("active").asBoolean()).isTrue();

        SERVER.fireAlarm(condition, 800, "Door interlock open", true, true);
        JsonNode acked = awaitMachineEvent(ERP, MACHINE, "condition",
                v -> condition.equals(v.path("condition").asText()) && v.path("acknowledged").asBoolean());
        assertThat(acked.path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(acked.path("body").path("values").path("severity").asInt()).isEqualTo(800);
    }

    private static JsonNode awaitEvent(WireMockServer server, String value, String expected) {
        return awaitMachineEvent(server, MACHINE, value, expected);
    }

    /** The latest event with a value that passes the test. */
    private static Optional<JsonNode> withValue(WireMockServer server, String value, java.util.function.Predicate<String> test) {
        List<JsonNode> events = machineEvents(server, MACHINE);
        return events.stream().filter(e -> test.test(e.path("body").path("values").path(value).asText()))
                .reduce((first, second) -> second);
    }
}
