package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.machine.opcua.UmatiTestServer;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A umati machine tool whose machine file names only the endpoint and {@code profile: umati}
 * ({@code test-mill-umati.yml}): the hub browses the embedded server ({@link UmatiTestServer}) and its identification,
 * state, program and messages arrive at the destinations as canonical machine events, through the privacy gate;
 * an Alarms & Conditions alarm raised on the server arrives as an alarm event, and its acknowledgement (the server's
 * Acknowledge method, called by the machine's HMI user) too.
 */
class UmatiMachineTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String MACHINE = "WB500-0042";
    private static final UmatiTestServer SERVER = MachinePeers.UMATI;

    @Autowired
    CamelContext camel;

    /** Subscribes anew, so the current values (identification) arrive again after the stubs were reset. */
    @BeforeEach
    void resubscribe() throws Exception {
        camel.getRouteController().stopRoute("machine-test-mill-umati-umati");
        camel.getRouteController().startRoute("machine-test-mill-umati-umati");
    }

    @Test
    void identificationStateProgramAndMessagesArriveFieldByField() {
        JsonNode serial = awaitMachineEvent(PORTAL, MACHINE, "serialNumber", "WB500-0042");
        assertThat(serial.path("body").path("kind").asText()).isEqualTo("commissioning");
        assertThat(serial.path("body").path("machineType").asText()).isEqualTo("WB 500 five-axis");
        assertThat(serial.path("body").path("customerNumber").asText()).isEqualTo("900003");
        assertThat(serial.path("body").path("origin").path("endpoint").asText()).isEqualTo(SERVER.endpoint());
        assertThat(awaitMachineEvent(PORTAL, MACHINE, "manufacturer", "Werkbridge Test Machine Tools")
                .path("body").path("kind").asText()).isEqualTo("commissioning");
        awaitMachineEvent(PORTAL, MACHINE, "model", "WB 500 five-axis");
        awaitMachineEvent(PORTAL, MACHINE, "yearOfConstruction", v -> v.path("yearOfConstruction").asInt() == 2024);
        awaitMachineEvent(PORTAL, MACHINE, "softwareRevision", "V4.7.2");
        awaitMachineEvent(ERP, MACHINE, "serialNumber", "WB500-0042");

        // state: operation mode and power-on hours, channel, stacklight and spindle (enumerations by their names)
        assertThat(awaitMachineEvent(PORTAL, MACHINE, "operationMode", "Automatic").path("body").path("kind").asText())
                .isEqualTo("status");
        assertThat(awaitMachineEvent(PORTAL, MACHINE, "powerOnDuration", v -> v.path("powerOnDuration").asLong() == 12500)
                .path("body").path("kind").asText()).isEqualTo("counter");
        awaitMachineEvent(PORTAL, MACHINE, "stacklight", v -> v.path("stacklight").path("Lamp_0").path("color").asText().equals("Green"));
        awaitMachineEvent(PORTAL, MACHINE, "stacklight", v -> v.path("stacklight").path("Lamp_0").path("on").asBoolean());
        awaitMachineEvent(PORTAL, MACHINE, "spindles", v -> v.path("spindles").path("Spindle_1").path("rotating").asBoolean());
        awaitMachineEvent(PORTAL, MACHINE, "spindles", v -> v.path("spindles").path("Spindle_1").path("override").asDouble() == 95.0);
        awaitMachineEvent(PORTAL, MACHINE, "channels", v -> v.path("channels").path("Channel_1").path("rapidOverride").asDouble() == 50.0);
        SERVER.set("Monitoring/Channel_1/ChannelState", 1);
        SERVER.set("Monitoring/Channel_1/FeedOverride", 80.0);
        JsonNode interrupted = awaitMachineEvent(PORTAL, MACHINE, "channels",
                v -> v.path("channels").path("Channel_1").path("state").asText().equals("Interrupted"));
        assertThat(interrupted.path("body").path("kind").asText()).isEqualTo("status");
        awaitMachineEvent(ERP, MACHINE, "channels", v -> v.path("channels").path("Channel_1").path("feedOverride").asDouble() == 80.0);

        // program: the active program, its state, the production plan's job; a prognosis
        String program = "O-" + UUID.randomUUID().toString().substring(0, 8);
        SERVER.set("Production/ActiveProgram/Name", program);
        JsonNode active = awaitMachineEvent(PORTAL, MACHINE, "activeProgram", v -> v.path("activeProgram").path("name").asText().equals(program));
        assertThat(active.path("body").path("kind").asText()).isEqualTo("program");
        awaitMachineEvent(PORTAL, MACHINE, "activeProgram", v -> v.path("activeProgram").path("state").asText().equals("Running"));
        awaitMachineEvent(PORTAL, MACHINE, "jobs", v -> v.path("jobs").path("Job_1").path("identifier").asText().equals("JOB-2026-17"));
        awaitMachineEvent(PORTAL, MACHINE, "jobs", v -> v.path("jobs").path("Job_1").path("runsPlanned").asLong() == 10);
        awaitMachineEvent(PORTAL, MACHINE, "prognoses",
                v -> v.path("prognoses").path("ToolChange").path("predictedTime").asText().equals("2026-12-24T08:00:00Z"));

        // the place, given as coordinates, is the machine's location (access.place): generalised for portal and map
        JsonNode located = await().atMost(WAIT).until(() -> machineEvents(PORTAL, MACHINE).stream()
                .filter(e -> e.path("body").has("location")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(located.path("body").path("location").path("lat").asDouble()).isEqualTo(48.8);
        assertThat(located.path("body").path("location").path("lon").asDouble()).isEqualTo(9.2);
        assertThat(machineEvents(ERP, MACHINE)).allSatisfy(e -> assertThat(e.path("body").has("location")).isFalse());

        // a umati message: free text, scrubbed for the portal where it names an address, dropped for the ERP
        String identifier = "MSG-" + UUID.randomUUID().toString().substring(0, 6);
        SERVER.message(identifier, 300, "Coolant low: tell max.mustermann@example.com");
        JsonNode message = awaitMachineEvent(PORTAL, MACHINE, "identifier", identifier);
        assertThat(message.path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(message.path("body").path("values").path("severity").asInt()).isEqualTo(300);
        assertThat(message.path("body").path("values").path("source").asText()).isEqualTo(UmatiTestServer.MACHINE);
        assertThat(message.path("body").path("values").path("message").asText())
                .startsWith("Coolant low: tell ").doesNotContain("max.mustermann@example.com");
        assertThat(message.path("body").path("values").has("acknowledged")).isFalse();
        JsonNode erpMessage = awaitMachineEvent(ERP, MACHINE, "identifier", identifier);
        assertThat(erpMessage.path("body").path("values").has("message")).isFalse();

        // nothing the profile does not name leaves the hub: the vendor's operator name
        for (WireMockServer destination : List.of(PORTAL, ERP, APP, MAPS)) {
            assertThat(destination.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("Max Beispiel"));
        }
    }

    @Test
    void anAlarmAndItsAcknowledgementArriveAsAlarmEvents() throws Exception {
        // the event subscription exists once the current values flow again
        awaitMachineEvent(PORTAL, MACHINE, "serialNumber", "WB500-0042");
        String text = "Spindle overtemperature " + UUID.randomUUID().toString().substring(0, 6);
        SERVER.raiseAlarm(text, 700);

        JsonNode raised = awaitMachineEvent(PORTAL, MACHINE, "message", text);
        JsonNode values = raised.path("body").path("values");
        assertThat(raised.path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(values.path("severity").asInt()).isEqualTo(700);
        assertThat(values.path("source").asText()).isEqualTo("Spindle_1");
        assertThat(values.path("condition").asText()).isEqualTo("A-1042");
        assertThat(values.path("conditionId").asText()).endsWith("MT-1/Notification/Messages/SpindleTemperature");
        assertThat(values.path("identifier").asText()).isEqualTo("E-1042");
        assertThat(values.path("acknowledged").asBoolean()).isFalse();
        assertThat(values.path("active").asBoolean()).isTrue();
        assertThat(raised.path("body").has("operator")).isFalse();
        // the customer's app is pushed the alarm (alarms of a machine with an owner)
        JsonNode push = await().atMost(WAIT).until(() -> pushes(p -> text.equals(p.path("data").path("values").path("message").asText())),
                Optional::isPresent).orElseThrow();
        assertThat(push.path("recipient").path("customerNumber").asText()).isEqualTo("900003");
        assertThat(push.path("data").path("values").path("acknowledged").asBoolean()).isFalse();

        acknowledge("Coolant refilled");

        JsonNode acked = awaitMachineEvent(PORTAL, MACHINE, "message",
                v -> v.path("message").asText().equals(text) && v.path("acknowledged").asBoolean());
        assertThat(acked.path("body").path("values").path("active").asBoolean()).isTrue();
        assertThat(acked.path("body").path("values").path("comment").asText()).isEqualTo("Coolant refilled");
        assertThat(acked.path("body").path("values").path("conditionId").asText()).isEqualTo(values.path("conditionId").asText());
        assertThat(acked.path("messageId").asText()).isNotEqualTo(raised.path("messageId").asText());
        // who acknowledged is a person: hashed for the portal, never sent to the ERP or the app
        assertThat(acked.path("body").path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        JsonNode erpAcked = awaitMachineEvent(ERP, MACHINE, "message",
                v -> v.path("message").asText().equals(text) && v.path("acknowledged").asBoolean());
        assertThat(erpAcked.path("body").path("operator").isEmpty()).isTrue();
        JsonNode ackPush = await().atMost(WAIT).until(() -> pushes(p -> text.equals(p.path("data").path("values").path("message").asText())
                && p.path("data").path("values").path("acknowledged").asBoolean()), Optional::isPresent).orElseThrow();
        assertThat(ackPush.toString()).doesNotContain(MachinePeers.UMATI_HMI_USER);
        for (WireMockServer destination : List.of(PORTAL, ERP, APP)) {
            assertThat(destination.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains(MachinePeers.UMATI_HMI_USER));
        }
    }

    /** The machine's HMI: its user acknowledges the alarm through the condition's Acknowledge method. */
    private static void acknowledge(String comment) throws Exception {
        OpcUaClient hmi = OpcUaClient.create(SERVER.endpoint(),
                endpoints -> endpoints.stream().filter(e -> e.getSecurityMode() == MessageSecurityMode.None).findFirst(),
                transport -> { },
                config -> config.setIdentityProvider(new UsernameProvider(MachinePeers.UMATI_HMI_USER, MachinePeers.UMATI_HMI_PASSWORD)));
        hmi.connect();
        try {
            CallMethodResult result = hmi.call(List.of(new CallMethodRequest(SERVER.alarmId(),
                    NodeIds.AcknowledgeableConditionType_Acknowledge,
                    new Variant[] {new Variant(SERVER.alarmEventId()), new Variant(LocalizedText.english(comment))})))
                    .getResults()[0];
            assertThat(result.getStatusCode().isGood()).as("Acknowledge: %s", result.getStatusCode()).isTrue();
        } finally {
            hmi.disconnect();
        }
    }

    private static Optional<JsonNode> pushes(Predicate<JsonNode> test) {
        List<JsonNode> received = new ArrayList<>(APP.getAllServeEvents().stream()
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString())).toList());
        Collections.reverse(received);
        return received.stream().filter(p -> MACHINE.equals(p.path("data").path("machineNumber").asText()))
                .filter(test).findFirst();
    }
}
