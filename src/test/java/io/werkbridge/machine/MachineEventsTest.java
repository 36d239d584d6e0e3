package io.werkbridge.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.InvalidSourceDataException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineEventsTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final MachineStatusBoard status = new MachineStatusBoard(Clock.fixed(NOW, ZoneOffset.UTC));
    private final MachineEvents events = new MachineEvents(new MachineRegistry(List.of(press(), lathe())), status,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final CanonicalValidator validator = new CanonicalValidator();

    static MachineDefinition press() {
        return new MachineFileReader().read("press.yml", """
                {id: press, machineNumber: "P-1", machineType: "HP 400", customerNumber: "100234", protocol: serial,
                 connection: {port: /dev/ttyS1},
                 mapping: [
                   {source: STATE, kind: status, value: execution},
                   {source: PARTS, kind: counter, value: partCount, type: integer},
                   {source: RATE, kind: counter, value: rate, type: number},
                   {source: DOOR, kind: status, value: doorOpen, type: boolean},
                   {source: OPID, field: operator.id},
                   {source: OPNAME, field: operator.name},
                   {source: LAT, field: location.lat},
                   {source: LON, field: location.lon},
                   {source: TS, field: timestamp}]}
                """);
    }

    static MachineDefinition lathe() {
        return new MachineFileReader().read("lathe.yml", """
                {id: lathe, machineNumber: "L-1", customerNumber: "100234", protocol: mtconnect,
                 connection: {agent: "http://agent:5000"},
                 mapping: [{source: exec, kind: status, value: execution}, {source: pc, kind: counter, value: parts, type: integer},
                           {source: user, field: operator.id}]}
                """);
    }

    @Test
    void aTelegramBecomesOneValidEventPerKindWithItsTimestampAndContext() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("STATE", "RUNNING");
        record.put("PARTS", "1234");
        record.put("RATE", "12.5");
        record.put("DOOR", "0");
        record.put("OPID", "W-0815");
        record.put("OPNAME", "Erika Beispiel");
        record.put("LAT", "52.0215");
        record.put("LON", "8.5311");
        record.put("TS", "2026-11-20T10:15:00Z");
        record.put("NOISE", "x");

        List<Envelope> out = events.fromRecord("press", record);

        assertThat(out).hasSize(2);
        out.forEach(validator::toValidJson);
        JsonNode status = CanonicalJson.tree(out.get(0));
        assertThat(status.path("key").asText()).isEqualTo("P-1");
        assertThat(status.path("type").asText()).isEqualTo("machine-event");
        assertThat(status.path("source").asText()).isEqualTo("machine:press");
        assertThat(status.path("occurredAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(status.path("body")).isEqualTo(CanonicalJson.read("""
                {"machineNumber":"P-1","machineType":"HP 400","customerNumber":"100234","timestamp":"2026-11-20T10:15:00Z",
                 "kind":"status","values":{"execution":"RUNNING","doorOpen":false},
                 "operator":{"id":"W-0815","name":"Erika Beispiel"},"location":{"lat":52.0215,"lon":8.5311},
                 "origin":{"protocol":"serial","endpoint":"/dev/ttyS1"}}
                """));
        JsonNode counter = CanonicalJson.tree(out.get(1)).path("body");
        assertThat(counter.path("kind").asText()).isEqualTo("counter");
        assertThat(counter.path("values").toString()).isEqualTo("{\"partCount\":1234,\"rate\":12.5}");
        assertThat(status.path("messageId").asText()).isNotEqualTo(CanonicalJson.tree(out.get(1)).path("messageId").asText());
        assertThat(this.status.snapshot("press").unmapped()).isEqualTo(1);
    }

    @Test
    void withoutATimestampTheRecordIsDatedNowAndTheContextCarriesOver() {
        events.fromRecord("press", Map.of("OPID", "W-1"));
        Envelope next = events.fromRecord("press", Map.of("STATE", "IDLE")).get(0);
        JsonNode body = CanonicalJson.tree(next).path("body");
        assertThat(body.path("timestamp").asText()).isEqualTo(NOW.toString());
        assertThat(body.path("operator")).isEqualTo(CanonicalJson.read("{\"id\":\"W-1\"}"));
        assertThat(body.has("location")).isFalse();
    }

    @Test
    void observationsGroupByInstantAndKindAndAnOperatorChangeStartsANewEvent() {
        Instant t1 = Instant.parse("2026-11-20T10:00:00Z");
        Instant t2 = Instant.parse("2026-11-20T10:00:01Z");
        List<Envelope> out = events.fromValues("lathe", List.of(
                new SourceValue("exec", "ACTIVE", t1, "i1:10"),
                new SourceValue("pc", "7", t1, "i1:11"),
                new SourceValue("user", "W-1", t1, "i1:12"),
                new SourceValue("pc", "8", t1, "i1:13"),
                new SourceValue("exec", "READY", t2, "i1:14")));
        assertThat(out).extracting(e -> e.body().path("kind").asText() + "=" + e.body().path("values")
                        + "@" + e.body().path("timestamp").asText() + "/" + e.body().path("operator").path("id").asText())
                .containsExactly(
                        "status={\"execution\":\"ACTIVE\"}@2026-11-20T10:00:00Z/",
                        "counter={\"parts\":7}@2026-11-20T10:00:00Z/",
                        "counter={\"parts\":8}@2026-11-20T10:00:00Z/W-1",
                        "status={\"execution\":\"READY\"}@2026-11-20T10:00:01Z/W-1");
        List<Envelope> again = events.fromValues("lathe", List.of(new SourceValue("exec", "ACTIVE", t1, "i1:10")));
        assertThat(again.get(0).messageId()).as("the same observation read again keeps its message id").isEqualTo(out.get(0).messageId());
    }

    @Test
    void aValueThatDoesNotConvertIsRejectedNamingTheKeyNotTheValue() {
        assertThatThrownBy(() -> events.fromRecord("press", Map.of("PARTS", "twelve-secret")))
                .isInstanceOf(InvalidSourceDataException.class)
                .hasMessage("value of 'PARTS' is not an integer as its mapping requires");
        assertThatThrownBy(() -> events.fromRecord("press", Map.of("DOOR", "ajar")))
                .hasMessage("value of 'DOOR' is not a boolean as its mapping requires");
        assertThatThrownBy(() -> events.fromRecord("press", Map.of("TS", "yesterday")))
                .hasMessage("value of 'TS' is not an ISO-8601 instant (e.g. 2026-11-20T10:15:00Z)");
        assertThatThrownBy(() -> events.fromRecord("press", Map.of("LAT", "north")))
                .hasMessage("value of 'LAT' is not a number as its mapping requires");
    }
}
