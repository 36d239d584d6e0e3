package io.werkbridge.machine.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.connector.modbus.SimulatedModbusSlave;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One poll at a time against an in-test Modbus TCP slave (unit 1; unit 9 does not exist): values become valid machine
 * events through the mapping, only changes are sent again, an exception response leaves one register out, and a
 * silent unit costs one timeout per poll.
 */
class ModbusPollingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SimulatedModbusSlave slave;
    private final MachineStatusBoard status = new MachineStatusBoard(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ModbusPolling polling;
    private final CanonicalValidator validator = new CanonicalValidator();

    ModbusPollingTest() throws IOException {
        slave = SimulatedModbusSlave.tcp(1);
        MachineDefinition oven = new MachineFileReader().read("oven.yml", """
                id: oven
                machineNumber: "O-1"
                customerNumber: "100234"
                protocol: modbus
                connection:
                  host: 127.0.0.1
                  tcpPort: %d
                  timeout: 200
                  registers:
                    - {name: temperature, function: 4, address: 0, type: float32}
                    - {name: remote, function: 3, address: 0, unitId: 9}
                    - {name: remote2, function: 3, address: 5, unitId: 9}
                    - {name: badge, function: 3, address: 10, type: string, count: 2}
                    - {name: alarm, function: 3, address: 20, type: int16}
                    - {name: missing, function: 3, address: 99}
                    - {name: heating, function: 1, address: 3}
                    - {name: fan, function: 1, address: 4}
                    - {name: setpoint, function: 3, address: 21, type: uint16, scale: 0.5}
                mapping:
                  - {source: temperature, kind: status, value: temperature}
                  - {source: remote, kind: status, value: remote}
                  - {source: remote2, kind: status, value: remote2}
                  - {source: badge, field: operator.id}
                  - {source: alarm, kind: alarm, value: code}
                  - {source: missing, kind: counter, value: parts}
                  - {source: heating, kind: status, value: heating}
                  - {source: fan, kind: status, value: fan}
                  - {source: setpoint, kind: alarm, value: setpoint}
                """.formatted(slave.tcpPort()));
        MachineRegistry machines = new MachineRegistry(List.of(oven));
        polling = new ModbusPolling(machines, new MachineEvents(machines, status, Clock.fixed(NOW, ZoneOffset.UTC)),
                status, (uri, payload) -> {
                    throw new IOException("no serial line in this test");
                }, Clock.fixed(NOW, ZoneOffset.UTC));
        slave.input(0, SimulatedModbusSlave.float32(180.5f));
        slave.holding(10, SimulatedModbusSlave.text("W-08", 2));
        slave.holding(20, -3, 361);
        slave.coil(3, true);
        slave.coil(4, false);
    }

    @AfterEach
    void stop() throws IOException {
        polling.close();
        slave.close();
    }

    @Test
    void valuesBecomeEventsAndOnlyChangesAreSentAgain() {
        List<Envelope> first = polling.poll("oven");

        first.forEach(validator::toValidJson);
        assertThat(first).extracting(e -> e.body().path("kind").asText()).containsExactly("status", "alarm");
        JsonNode statusEvent = first.get(0).body();
        assertThat(statusEvent.path("values").toString())
                .isEqualTo("{\"temperature\":180.5,\"heating\":true,\"fan\":false}");
        assertThat(statusEvent.path("operator").path("id").asText()).isEqualTo("W-08");
        assertThat(statusEvent.path("timestamp").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(statusEvent.path("origin").toString())
                .isEqualTo("{\"protocol\":\"modbus\",\"endpoint\":\"tcp://127.0.0.1:" + slave.tcpPort() + "\"}");
        assertThat(first.get(1).body().path("values").toString()).isEqualTo("{\"code\":-3,\"setpoint\":180.5}");

        assertThat(polling.poll("oven")).isEmpty();

        slave.holding(20, 7);
        List<Envelope> third = polling.poll("oven");
        assertThat(third).extracting(e -> e.body().path("values").toString()).containsExactly("{\"code\":7}");
        assertThat(third.get(0).body().path("operator").path("id").asText()).isEqualTo("W-08");
    }

    @Test
    void anExceptionResponseLeavesOneRegisterOutAndASilentUnitCostsOneTimeoutPerPoll() {
        polling.poll("oven");

        MachineStatusBoard.Snapshot after = status.snapshot("oven");
        assertThat(after.connectionErrors()).isEqualTo(1);
        assertThat(after.failing()).isTrue();
        assertThat(after.lastContactAt()).isEqualTo(NOW);
        // the silent unit is what the status shows; the exception response is counted as a rejected value
        assertThat(after.lastError()).isEqualTo("unit 9, function 03, address 0: no response from tcp://127.0.0.1:"
                + slave.tcpPort() + " within 200 ms");
        assertThat(after.rejected()).isEqualTo(1);
        // coils 3-4, temperature, alarm and setpoint together, badge, missing, remote (timed out): remote2 of the
        // silent unit 9 was not asked
        assertThat(slave.received()).isEqualTo(6);

        slave.holding(99, 1);
        polling.poll("oven");
        assertThat(status.snapshot("oven").rejected()).isEqualTo(1);
        assertThat(status.snapshot("oven").connectionErrors()).isEqualTo(2);
        assertThat(slave.received()).isEqualTo(12);
    }

    @Test
    void aBlockTheSlaveRefusesIsReadRegisterByRegister() {
        slave.holding(22, 1);
        MachineDefinition machine = new MachineFileReader().read("gap.yml", """
                {id: gap, machineNumber: G-1, customerNumber: "1", protocol: modbus,
                 connection: {host: 127.0.0.1, tcpPort: %d, timeout: 500, registers: [
                   {name: alarm, function: 3, address: 20, type: int16},
                   {name: unknown, function: 3, address: 23},
                   {name: next, function: 3, address: 22}]},
                 mapping: [{source: alarm, kind: alarm, value: code}, {source: unknown, kind: alarm, value: unknown},
                           {source: next, kind: alarm, value: next}]}
                """.formatted(slave.tcpPort()));
        MachineRegistry machines = new MachineRegistry(List.of(machine));
        MachineStatusBoard board = new MachineStatusBoard(Clock.fixed(NOW, ZoneOffset.UTC));
        try (ModbusPolling gap = new ModbusPolling(machines, new MachineEvents(machines, board,
                Clock.fixed(NOW, ZoneOffset.UTC)), board, (uri, payload) -> { }, Clock.fixed(NOW, ZoneOffset.UTC))) {
            // 20 alone (21 is not in the map: no gap is read), 22-23 together: refused, then 22 and 23 one by one
            List<Envelope> events = gap.poll("gap");
            assertThat(events).extracting(e -> e.body().path("values").toString()).containsExactly("{\"code\":-3,\"next\":1}");
            assertThat(slave.received()).isEqualTo(4);
            assertThat(board.snapshot("gap").lastError())
                    .isEqualTo("register 'unknown': unit 1, function 03, address 23: exception response 02 (illegal data address)");
            assertThat(board.snapshot("gap").failing()).isFalse();
        }
    }
}
