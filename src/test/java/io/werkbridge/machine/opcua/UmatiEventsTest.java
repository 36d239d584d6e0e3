package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.MappingRule;
import io.werkbridge.machine.SourceValue;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.MachineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.Test;

/** umati notifications as canonical machine events: nested values, enumerations, the place, alarms with their user. */
class UmatiEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-07T09:59:58Z");
    private final MachineStatusBoard status = new MachineStatusBoard(Clock.fixed(NOW, ZoneOffset.UTC));
    private final UmatiEvents umati = new UmatiEvents(new MachineEvents(new MachineRegistry(List.of(new MachineFileReader()
            .read("mill.yml", """
                    {id: mill, machineNumber: "WB-1", customerNumber: "100234", protocol: opcua, profile: umati,
                     connection: {endpoint: "opc.tcp://10.0.0.5:4840"}}
                    """))), status, Clock.fixed(NOW, ZoneOffset.UTC)), status, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CanonicalValidator validator = new CanonicalValidator();

    @Test
    void dataChangesOfOneInstantFormOneEventWithNestedValues() {
        List<Envelope> events = umati.toEvents("mill", changes(
                change("Monitoring/Channel_1/ChannelState", MachineEvent.Kind.status, "channels/Channel_1/state",
                        UmatiBrowser.Decode.CHANNEL_STATE, 2),
                change("Monitoring/Channel_2/ChannelState", MachineEvent.Kind.status, "channels/Channel_2/state",
                        UmatiBrowser.Decode.CHANNEL_STATE, 0),
                change("Monitoring/MachineTool/OperationMode", MachineEvent.Kind.status, "operationMode",
                        UmatiBrowser.Decode.OPERATION_MODE, 4),
                change("Production/ActiveProgram/Name", MachineEvent.Kind.program, "activeProgram/name",
                        UmatiBrowser.Decode.PLAIN, "O4711")));

        assertThat(events).hasSize(2);
        events.forEach(validator::toValidJson);
        JsonNode status = events.get(0).body();
        assertThat(status.path("kind").asText()).isEqualTo("status");
        assertThat(status.path("values").toString()).isEqualTo(
                "{\"channels\":{\"Channel_1\":{\"state\":\"Reset\"},\"Channel_2\":{\"state\":\"Active\"}},\"operationMode\":\"Service\"}");
        assertThat(events.get(1).body().path("values").path("activeProgram").path("name").asText()).isEqualTo("O4711");
    }

    @Test
    void aLocationInCoordinatesIsTheMachinesLocationAndAPlaceNameIsLeftOut() {
        UmatiNotification.Change place = change("Identification/Location", null, null, UmatiBrowser.Decode.LOCATION,
                "Hall 2, Musterstadt");
        assertThat(umati.toEvents("mill", changes(place, change("Identification/Model", MachineEvent.Kind.commissioning,
                "model", UmatiBrowser.Decode.PLAIN, "WB 500")))).singleElement()
                .satisfies(e -> assertThat(e.body().has("location")).isFalse());
        assertThat(status.snapshot("mill").unmapped()).isEqualTo(1);

        umati.toEvents("mill", changes(change("Identification/Location", null, null, UmatiBrowser.Decode.LOCATION,
                "48.7758, 9.1829")));
        JsonNode next = umati.toEvents("mill", changes(change("Identification/Model", MachineEvent.Kind.commissioning,
                "model", UmatiBrowser.Decode.PLAIN, "WB 500"))).get(0).body();
        assertThat(next.path("location").path("lat").asDouble()).isEqualTo(48.7758);
        assertThat(next.path("location").path("lon").asDouble()).isEqualTo(9.1829);
    }

    @Test
    void anAcknowledgedConditionIsAnAlarmEventWithItsUserAsOperatorForThatEventOnly() {
        OpcUaAlarms.Alarm acked = new OpcUaAlarms.Alarm("0a0b", "ns=3;i=39", "Spindle_1", "A-1042", "ns=2;s=MT-1/A",
                "E-1042", 700, "Spindle overtemperature", AT, true, true, "max.mustermann", "Coolant refilled");

        List<Envelope> events = umati.toEvents("mill", new UmatiNotification.Event(acked));

        assertThat(events).singleElement().satisfies(e -> {
            validator.toValidJson(e);
            assertThat(e.occurredAt()).isEqualTo(AT);
            assertThat(e.body().path("kind").asText()).isEqualTo("alarm");
            assertThat(e.body().path("values").toString()).isEqualTo("{\"severity\":700,\"message\":\"Spindle overtemperature\","
                    + "\"source\":\"Spindle_1\",\"identifier\":\"E-1042\",\"condition\":\"A-1042\",\"conditionId\":\"ns=2;s=MT-1/A\","
                    + "\"acknowledged\":true,\"active\":true,\"comment\":\"Coolant refilled\"}");
            assertThat(e.body().path("operator").path("id").asText()).isEqualTo("max.mustermann");
        });
        // the same event again: the same message id (the destinations' idempotency key)
        assertThat(umati.toEvents("mill", new UmatiNotification.Event(acked)).get(0).messageId())
                .isEqualTo(events.get(0).messageId());
        // the user is not the machine's operator afterwards
        assertThat(umati.toEvents("mill", changes(change("Identification/Model", MachineEvent.Kind.commissioning,
                "model", UmatiBrowser.Decode.PLAIN, "WB 500"))).get(0).body().has("operator")).isFalse();
    }

    @Test
    void aMessageIsNoConditionAndCarriesNoState() {
        OpcUaAlarms.Alarm message = new OpcUaAlarms.Alarm(null, null, "MT-1", null, null, "MSG-17", 300, "Coolant low",
                null, null, null, null, null);
        JsonNode body = umati.toEvents("mill", new UmatiNotification.Event(message)).get(0).body();
        assertThat(body.path("timestamp").asText()).isEqualTo(NOW.toString());
        assertThat(body.path("values").toString()).isEqualTo(
                "{\"severity\":300,\"message\":\"Coolant low\",\"source\":\"MT-1\",\"identifier\":\"MSG-17\"}");
    }

    @Test
    void anOverlongMessageIsCutToItsFirstKilobyte() {
        OpcUaAlarms.Alarm message = new OpcUaAlarms.Alarm(null, null, "MT-1", null, null, "MSG-18", 100, "x".repeat(5000),
                null, null, null, null, null);
        assertThat(umati.toEvents("mill", new UmatiNotification.Event(message)).get(0).body()
                .path("values").path("message").asText()).hasSize(UmatiEvents.MAX_TEXT);
    }

    private static UmatiNotification changes(UmatiNotification.Change... changes) {
        return new UmatiNotification.DataChanges(List.of(changes));
    }

    private static UmatiNotification.Change change(String path, MachineEvent.Kind kind, String value,
                                                   UmatiBrowser.Decode decode, Object raw) {
        MappingRule rule = kind == null
                ? new MappingRule(path, null, null, MappingRule.Field.LOCATION_LAT, MappingRule.ValueType.AUTO)
                : new MappingRule(path, kind, value, null, MappingRule.ValueType.AUTO);
        return new UmatiNotification.Change(new UmatiBrowser.Node(new NodeId(2, path), path, rule, decode),
                new SourceValue(path, raw, AT));
    }
}
