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
    void aUmatiMachineNeedsOnlyItsEndpoint() {
        MachineDefinition machine = reader.read("mill.yml", """
                id: mill-umati
                machineNumber: "WB500-0042"
                customerNumber: "100234"
                protocol: opcua
                profile: umati
                connection: {endpoint: "opc.tcp://10.0.0.5:4840"}
                """);

        assertThat(machine.umati()).isTrue();
        assertThat(machine.mapping()).isEmpty();
        assertThat(((Connection.OpcUa) machine.connection()).securityPolicy()).isEqualTo("Basic256Sha256");
    }

    @Test
    void withoutProfileTheMappingIsRequiredAndTheProfileIsForOpcUaOnly() {
        assertThatThrownBy(() -> reader.read("m.yml", """
                id: m
                machineNumber: "M-1"
                customerNumber: "1"
                protocol: opcua
                connection: {endpoint: "opc.tcp://10.0.0.5:4840"}
                """)).isInstanceOf(MachineConfigException.class).hasMessageContaining("m.yml: mapping");
        assertThatThrownBy(() -> reader.read("m.yml", """
                id: m
                machineNumber: "M-1"
                customerNumber: "1"
                protocol: serial
                profile: umati
                connection: {port: /dev/ttyS0}
                """)).isInstanceOf(MachineConfigException.class)
                .hasMessageContaining("m.yml: protocol: profile umati is for protocol opcua");
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
                        "connectors/machines/bad.yml: colour: unknown key; allowed are [connection, customerNumber, description, enabled, id, machineNumber, machineType, mapping, profile, programTransfer, protocol]",
                        "connectors/machines/bad.yml: id: must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit",
                        "connectors/machines/bad.yml: customerNumber: missing",
                        "connectors/machines/bad.yml: connection.endpoint: must be opc.tcp://host:port[/path] without user info or query",
                        "connectors/machines/bad.yml: connection.samplingInterval: must be a whole number of milliseconds from 10 to 3600000",
                        "connectors/machines/bad.yml: mapping[0].kind: must be one of [status, alarm, counter, program, commissioning]",
                        "connectors/machines/bad.yml: mapping[1].source: 'ns=2;s=A' is mapped twice",
                        "connectors/machines/bad.yml: mapping[2].value: missing: the name of the value under values{} of the event",
                        "connectors/machines/bad.yml: mapping[3].field: must be one of operator.id, operator.name, location.lat, location.lon, timestamp",
                        "connectors/machines/bad.yml: mapping[4]: needs either kind (with value) or field, not both and not neither",
                        "connectors/machines/bad.yml: mapping[4].field: timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time, Modbus values the time of the poll",
                        "connectors/machines/bad.yml: mapping[5].source: must be an OPC UA node id such as ns=2;s=Machine/State, nsu=urn:example;s=State or ns=0;i=2258, without ')'",
                        "connectors/machines/bad.yml: mapping[6].field: timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time, Modbus values the time of the poll"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void readsAModbusRegisterMapWithDefaults() {
        MachineDefinition rtu = reader.read("spindle.yml", """
                id: spindle
                machineNumber: "M-3"
                customerNumber: "1"
                protocol: modbus
                connection:
                  port: /dev/ttyUSB1
                  unitId: 7
                  registers:
                    - {name: speed, function: 3, address: 100, scale: 0.1}
                    - {name: parts, function: 4, address: 10, type: uint32, wordOrder: little}
                    - {name: program, function: 3, address: 200, type: string, count: 8}
                    - {name: door, function: 2, address: 5, unitId: 9}
                mapping:
                  - {source: speed, kind: status, value: spindleSpeed}
                  - {source: parts, kind: counter, value: partCount}
                  - {source: program, kind: program, value: program}
                  - {source: door, kind: status, value: doorOpen}
                """);
        Connection.Modbus modbus = (Connection.Modbus) rtu.connection();
        assertThat(rtu.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(modbus.rtu()).isTrue();
        assertThat(modbus.endpoint()).isEqualTo("/dev/ttyUSB1");
        assertThat(modbus.rtuUri()).isEqualTo("serial:/dev/ttyUSB1?framing=modbus-rtu&maxFrameLength=254&baudRate=19200"
                + "&dataBits=8&parity=even&stopBits=1&reconnectDelay=500&maxReconnectDelay=30000");
        assertThat(modbus.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(modbus.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(modbus.registers()).extracting(r -> r.request(modbus.unitId()).describe()).containsExactly(
                "unit 7, function 03, address 100", "unit 7, function 04, address 10-11",
                "unit 7, function 03, address 200-207", "unit 9, function 02, address 5");
        assertThat(modbus.registers()).extracting(r -> r.type().name())
                .containsExactly("UINT16", "UINT32", "STRING", "BOOL");
        assertThat(modbus.registers().get(0).scale()).isEqualByComparingTo("0.1");
        assertThat(modbus.registers().get(1).wordOrder().name()).isEqualTo("LITTLE");

        MachineDefinition tcp = reader.read("tcp.yml", """
                {id: tcp, machineNumber: M-4, customerNumber: "1", protocol: modbus,
                 connection: {host: 10.0.0.7, unitId: 255, registers: [{name: t, function: 4, address: 0, type: float32}]},
                 mapping: [{source: t, kind: status, value: temperature}]}
                """);
        assertThat(tcp.connection().endpoint()).isEqualTo("tcp://10.0.0.7:502");
        assertThat(((Connection.Modbus) tcp.connection()).rtu()).isFalse();
    }

    @Test
    void refusesARegisterMapThatCannotBeRead() {
        assertThatThrownBy(() -> reader.read("bad.yml", """
                id: bad
                machineNumber: "M-5"
                customerNumber: "1"
                protocol: modbus
                connection:
                  port: /dev/ttyUSB1
                  unitId: 0
                  registers:
                    - {name: a, function: 3, address: 1, type: bool}
                    - {name: a, function: 1, address: 2, type: int16}
                    - {name: s, function: 3, address: 3, type: string}
                    - {name: n, function: 4, address: 65535, type: int32, count: 2, unitId: 250}
                    - {name: c, function: 5, address: 4}
                    - {name: unread, function: 3, address: 9, scale: 0}
                mapping:
                  - {source: a, kind: status, value: a}
                  - {source: s, kind: status, value: s}
                  - {source: n, kind: status, value: n}
                  - {source: c, kind: status, value: c}
                  - {source: typo, field: timestamp}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactlyInAnyOrder(
                "bad.yml: connection.registers[4].function: must be 1, 2, 3 or 4",
                "bad.yml: connection.registers[5].scale: must be a number other than 0",
                "bad.yml: mapping[4].field: timestamp is for serial telegrams only; OPC UA and MTConnect values carry their own time, Modbus values the time of the poll",
                "bad.yml: connection.unitId: must be 1 to 247 on a serial line (0 is broadcast, which no slave answers)",
                "bad.yml: connection.registers[0].type: bool is for functions 1 and 2; a register is int16, uint16, int32, uint32, float32 or string",
                "bad.yml: connection.registers[1].name: 'a' names another register already",
                "bad.yml: connection.registers[1].type: functions 1 and 2 read bits: type bool (or none)",
                "bad.yml: connection.registers[2].count: missing: the registers the string takes",
                "bad.yml: connection.registers[3].count: only for type string; the other types know their size",
                "bad.yml: connection.registers[3].address: the read would go beyond address 65535",
                "bad.yml: connection.registers[3].unitId: must be 1 to 247 on a serial line",
                "bad.yml: mapping[4].source: 'typo' is no register of connection.registers",
                "bad.yml: connection.registers: 'unread' is read but no mapping entry takes it: map it or remove it"));
        assertThatThrownBy(() -> reader.read("both.yml", """
                {id: both, machineNumber: M-6, customerNumber: "1", protocol: modbus,
                 connection: {port: /dev/ttyUSB1, host: plc, registers: [{name: t, function: 4, address: 0}]},
                 mapping: [{source: t, kind: status, value: t}]}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "both.yml: connection: needs exactly one of port (Modbus RTU on a serial line) or host (Modbus TCP)"));
    }

    @Test
    void refusesWhatIsNotAMachineFile() {
        assertThatThrownBy(() -> reader.read("x.yml", "- just\n- a list\n"))
                .hasMessage("machine configuration rejected: x.yml: a machine file is a YAML mapping (id, machineNumber, protocol, connection, mapping)");
        assertThatThrownBy(() -> reader.read("y.yml", "id: [unclosed\n"))
                .hasMessageStartingWith("machine configuration rejected: y.yml: not valid YAML at line");
        assertThatThrownBy(() -> reader.read("z.yml", """
                {id: z, machineNumber: Z, customerNumber: "1", protocol: profinet, connection: {}, mapping: []}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "z.yml: protocol: must be one of serial, opcua, mtconnect, modbus",
                "z.yml: mapping: missing: a list of {source, kind, value} or {source, field} entries"));
        assertThatThrownBy(() -> reader.read("s.yml", """
                {id: s, machineNumber: S, customerNumber: "1", protocol: serial,
                 connection: {port: "/dev/x?baudRate=1", framing: slip, parity: maybe, telegram: json},
                 mapping: [{source: A, kind: status, value: a}]}
                """)).satisfies(e -> assertThat(((MachineConfigException) e).problems()).containsExactly(
                "s.yml: connection.port: must be a device path without '?' or '&'",
                "s.yml: connection.framing: must be one of line, stx-etx, 3964r (a Modbus RTU device answers register reads: protocol modbus)",
                "s.yml: connection.telegram: must be key-value (the telegram format of docs/machines.md)",
                "s.yml: connection.parity: must match none|even|odd"));
    }

    @Test
    void theShippedSamplesAreValidOnePerProtocolAndProfileAndDisabled() {
        MachineRegistry registry = new MachineFiles(new PathMatchingResourcePatternResolver(), new StandardEnvironment())
                .load("classpath:connectors/machines/");
        assertThat(registry.all()).extracting(MachineDefinition::protocol)
                .containsExactlyInAnyOrder(Protocol.SERIAL, Protocol.OPCUA, Protocol.OPCUA, Protocol.MTCONNECT, Protocol.MODBUS);
        assertThat(registry.all()).filteredOn(MachineDefinition::umati).extracting(MachineDefinition::id)
                .containsExactly("mill-umati-sample");
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
