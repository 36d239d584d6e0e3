package io.werkbridge.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.werkbridge.model.MachineEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.env.MockEnvironment;

class MachineFileReaderTest {

    private final MachineFileReader reader = new MachineFileReader();

    @Test
    void readsASerialMachine() {
        MachineDefinition machine = reader.read("press.yml", """
                id: press-1
                machineNumber: "M-1"
                machineType: HP 400
                customerNumber: "100234"
                protocol: serial
                connection: {port: /dev/ttyS3, framing: stx-etx, baudRate: 19200, parity: even}
                mapping:
                  - {source: STATE, kind: status, value: execution}
                  - {source: PARTS, kind: counter, value: partCount, type: integer}
                  - {source: OPID, field: operator.id}
                """);
        assertThat(machine.id()).isEqualTo("press-1");
        assertThat(machine.enabled()).isTrue();
        assertThat(machine.protocol()).isEqualTo(Protocol.SERIAL);
        Connection.Serial serial = (Connection.Serial) machine.connection();
        assertThat(serial.port()).isEqualTo("/dev/ttyS3");
        assertThat(serial.framing()).isEqualTo("stx-etx");
        assertThat(serial.options()).isEqualTo(Map.of("baudRate", "19200", "parity", "even"));
        assertThat(machine.mapping()).containsExactly(
                new MappingRule("STATE", MachineEvent.Kind.status, "execution", null, MappingRule.ValueType.AUTO),
                new MappingRule("PARTS", MachineEvent.Kind.counter, "partCount", null, MappingRule.ValueType.INTEGER),
                new MappingRule("OPID", null, null, MappingRule.Field.OPERATOR_ID, MappingRule.ValueType.AUTO));
    }

    @Test
    void readsOpcUaAndMtConnectSettingsWithDefaults() {
        MachineDefinition opc = reader.read("mill.yml", """
                {id: mill, machineNumber: M-2, customerNumber: "1", protocol: opcua, enabled: false,
                 connection: {endpoint: "opc.tcp://127.0.0.1:4840/x"},
                 mapping: [{source: "ns=2;s=State", kind: status, value: state}]}
                """);
        assertThat(opc.enabled()).isFalse();
        assertThat(opc.connection()).isEqualTo(new Connection.OpcUa("opc.tcp://127.0.0.1:4840/x", Duration.ofMillis(500), Duration.ofSeconds(1)));
        MachineDefinition mtc = reader.read("lathe.yml", """
                {id: lathe, machineNumber: M-3, customerNumber: "1", protocol: mtconnect,
                 connection: {agent: "http://127.0.0.1:5000/", count: 50},
                 mapping: [{source: exec, kind: status, value: execution}]}
                """);
        assertThat(mtc.connection()).isEqualTo(new Connection.MtConnect(URI.create("http://127.0.0.1:5000"), null,
                Duration.ofSeconds(1), 50, Duration.ofSeconds(5)));
    }

    @Test
    void reportsEveryProblemWithTheFileAndThePath() {
        assertThatThrownBy(() -> reader.read("connectors/machines/bad.yml", """
                id: Bad_Id
                machineNumber: "M-1"
                protocol: opcua
                colour: red
                connection: {endpoint: "opc.tcp://user:secret@plc:4840", samplingInterval: 1}
                mapping:
                  - {source: "ns=2;s=A", kind: temperature, value: t}
                  - {source: "ns=2;s=A", field: operator.id}
                  - {source: "ns=2;s=B", kind: status}
                  - {source: "ns=2;s=C", field: operator.shoeSize}
                  - {source: "ns=2;s=D", kind: status, value: s, field: timestamp}
                  - {source: "Machine.State", kind: status, value: state}
                  - {source: "ns=2;s=T", field: timestamp}
                """))
                .isInstanceOf(MachineConfigException.class)
                .satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactlyInAnyOrder(
                        "connectors/machines/bad.yml: colour: unknown key; allowed are [connection, customerNumber, description, enabled, id, machineNumber, machineType, mapping, programTransfer, protocol]",
                        "connectors/machines/bad.yml: id: must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit",
                        "connectors/machines/bad.yml: customerNumber: missing",
                        "connectors/machines/bad.yml: connection.endpoint: must be opc.tcp://host:port[/path] without user info or query",
                        "connectors/machines/bad.yml: connection.samplingInterval: must be a whole number of milliseconds from 10 to 3600000",
                        "connectors/machines/bad.yml: mapping[0].kind: must be one of [status, alarm, counter, program, commissioning]",
                        "connectors/machines/bad.yml: mapping[1].source: 'ns=2;s=A' is mapped twice",
                        "connectors/machines/bad.yml: mapping[2].value: missing: the name of the value under values{} of the event",
                        "connectors/machines/bad.yml: mapping[3].field: must be one of operator.id, operator.name, location.lat, location.lon, timestamp",
                        "connectors/machines/bad.yml: mapping[4]: needs either kind (with value) or field, not both and not neither",
                        "connectors/machines/bad.yml: mapping[4].field: timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time",
                        "connectors/machines/bad.yml: mapping[5].source: must be an OPC UA node id such as ns=2;s=Machine/State, nsu=urn:example;s=State or ns=0;i=2258, without ')'",
                        "connectors/machines/bad.yml: mapping[6].field: timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesWhatIsNotAMachineFile() {
        assertThatThrownBy(() -> reader.read("x.yml", "- just\n- a list\n"))
                .hasMessage("machine configuration rejected: x.yml: a machine file is a YAML mapping (id, machineNumber, protocol, connection, mapping)");
        assertThatThrownBy(() -> reader.read("y.yml", "id: [unclosed\n"))
                .hasMessageStartingWith("machine configuration rejected: y.yml: not valid YAML at line");
        assertThatThrownBy(() -> reader.read("z.yml", """
                {id: z, machineNumber: Z, customerNumber: "1", protocol: modbus, connection: {}, mapping: []}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "z.yml: protocol: must be one of serial, opcua, mtconnect",
                "z.yml: mapping: missing: a list of {source, kind, value} or {source, field} entries"));
        assertThatThrownBy(() -> reader.read("s.yml", """
                {id: s, machineNumber: S, customerNumber: "1", protocol: serial,
                 connection: {port: "/dev/x?baudRate=1", framing: slip, parity: maybe, telegram: json},
                 mapping: [{source: A, kind: status, value: a}]}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "s.yml: connection.port: must be a device path without '?' or '&'",
                "s.yml: connection.framing: must be one of [line, stx-etx, 3964r, modbus-rtu]",
                "s.yml: connection.telegram: must be key-value (the telegram format of docs/machines.md)",
                "s.yml: connection.parity: must match none|even|odd"));
    }

    @Test
    void theShippedSamplesAreValidOnePerProtocolAndDisabled() {
        MachineRegistry registry = new MachineFiles(new PathMatchingResourcePatternResolver(), new StandardEnvironment())
                .load("classpath:connectors/machines/");
        assertThat(registry.all()).extracting(MachineDefinition::protocol)
                .containsExactlyInAnyOrder(Protocol.SERIAL, Protocol.OPCUA, Protocol.MTCONNECT);
        assertThat(registry.all()).noneMatch(MachineDefinition::enabled);
        MachineRegistry demo = new MachineFiles(new PathMatchingResourcePatternResolver(), new MockEnvironment()
                .withProperty("werkbridge.demo.opcua-port", "48400").withProperty("werkbridge.demo.serial-link", "/tmp/x"))
                .load("classpath:connectors/machines/demo/");
        assertThat(demo.all()).extracting(MachineDefinition::id).containsExactly("demo-mill-opcua", "demo-press-serial");
    }

    @Test
    void placeholdersComeFromTheConfigurationAndDuplicatesNameBothFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String machine = """
                {id: %s, machineNumber: "%s", customerNumber: "1", protocol: mtconnect,
                 connection: {agent: "${agent.url}"}, mapping: [{source: a, kind: status, value: a}]}
                """;
        java.nio.file.Files.writeString(dir.resolve("a.yml"), machine.formatted("one", "N-1"));
        java.nio.file.Files.writeString(dir.resolve("b.yml"), machine.formatted("one", "N-1"));
        java.nio.file.Files.writeString(dir.resolve("ignored.txt"), "not a machine");
        MachineFiles files = new MachineFiles(new PathMatchingResourcePatternResolver(), new MockEnvironment().withProperty("agent.url", "http://agent:5000"));
        String folder = dir.toUri().toString();
        assertThatThrownBy(() -> files.load(folder)).satisfies(e -> assertThat(((MachineConfigException) e).problems())
                .containsExactly(folder + "b.yml: id: 'one' is already used by " + folder + "a.yml",
                        folder + "b.yml: machineNumber: already used by " + folder + "a.yml"));

        java.nio.file.Files.delete(dir.resolve("b.yml"));
        MachineDefinition one = files.load(folder).require("one");
        assertThat(((Connection.MtConnect) one.connection()).agent()).isEqualTo(URI.create("http://agent:5000"));
        assertThatThrownBy(() -> new MachineFiles(new PathMatchingResourcePatternResolver(), new MockEnvironment()).load(folder))
                .hasMessageContaining(folder + "a.yml: Could not resolve placeholder 'agent.url'")
                .hasMessageContaining("give a default");
        assertThat(List.of(files.load(folder).all().get(0).file())).containsExactly(folder + "a.yml");
    }

    @Test
    void theSchemaNamesFileAndPathOfTypicalMistakesButNotTheirValues() {
        assertThatThrownBy(() -> reader.read("m.yml", """
                {id: m, machineNumber: "M-1", customerNumber: 4711, protocol: serial,
                 connection: {framing: line, baudrate: 9600},
                 mapping: [{source: A, kind: status, value: a, type: float}]}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactlyInAnyOrder(
                "m.yml: customerNumber: must be a text of 1-20 characters (quote numbers)",
                "m.yml: connection.port: missing",
                "m.yml: connection.baudrate: unknown key; allowed are [baudRate, dataBits, flowControl, framing, "
                        + "maxFrameLength, maxReconnectDelay, parity, port, reconnectDelay, stopBits, telegram]",
                "m.yml: mapping[0].type: must be one of auto, string, integer, number, boolean"))
                .hasMessageNotContaining("4711");
        assertThatThrownBy(() -> reader.read("a.yml", """
                {id: a, machineNumber: A, customerNumber: "1", protocol: mtconnect,
                 connection: {agent: "http://hub:pa55word@agent:5000/?device=x"}, mapping: [{source: a, field: operator.id}]}
                """)).hasMessage("machine configuration rejected: "
                        + "a.yml: connection.agent: must be an http(s) URL of the agent without user info or query");
        assertThatThrownBy(() -> reader.read("e.yml", "")).hasMessage("machine configuration rejected: "
                + "e.yml: a machine file is a YAML mapping (id, machineNumber, protocol, connection, mapping)");
    }

    @Test
    void aMappingTargetIsFilledByOneEntryOnly() {
        assertThatThrownBy(() -> reader.read("t.yml", """
                {id: t, machineNumber: T, customerNumber: "1", protocol: serial, connection: {port: /dev/ttyS0},
                 mapping: [{source: A, kind: status, value: a}, {source: B, kind: status, value: a}, {source: C, field: timestamp}]}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "t.yml: mapping[1]: target status.a is already filled by another entry"));
    }

    @Test
    void serialDefaultsComeFromTheSchema() {
        MachineDefinition machine = reader.read("d.yml", """
                {id: d, machineNumber: D, customerNumber: "1", protocol: serial, connection: {port: /dev/ttyS0},
                 mapping: [{source: A, kind: status, value: a}]}
                """);
        assertThat(machine.connection()).isEqualTo(new Connection.Serial("/dev/ttyS0", "line", Map.of(), "key-value"));
        assertThat(machine.mapping().get(0).type()).isEqualTo(MappingRule.ValueType.AUTO);
        assertThat(machine.enabled()).isTrue();
        assertThat(machine.file()).isEqualTo("d.yml");
    }

    /** A protocol, kind, field or conversion added to the code must be added to the schema, and the other way round. */
    @Test
    void theSchemaKnowsTheProtocolsKindsFieldsAndConversionsOfTheCode() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(getClass().getClassLoader().getResource("config/schema/machine.schema.json"));
        assertThat(texts(schema.at("/properties/protocol/enum"))).containsExactlyElementsOf(
                Arrays.stream(Protocol.values()).map(Protocol::id).toList());
        assertThat(Arrays.stream(Protocol.values())).allSatisfy(p -> assertThat(schema.at("/definitions/" + p.id()).isObject()).isTrue());
        assertThat(texts(schema.at("/definitions/rule/properties/kind/enum"))).containsExactlyElementsOf(
                Arrays.stream(MachineEvent.Kind.values()).map(Enum::name).toList());
        assertThat(texts(schema.at("/definitions/rule/properties/field/enum"))).containsExactlyElementsOf(
                Arrays.stream(MappingRule.Field.values()).map(MappingRule.Field::path).toList());
        assertThat(texts(schema.at("/definitions/rule/properties/type/enum"))).containsExactlyElementsOf(
                Arrays.stream(MappingRule.ValueType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
