package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.connector.modbus.SimulatedModbusSlave;
import io.werkbridge.it.RequiredTool;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Modbus machines polled by the hub as master: a slave on a socat cable (RTU, CRC and silence framing through the
 * serial: component) and one on a loopback socket (TCP). The registers' values arrive at the WireMock portal and ERP
 * as machine events through the mapping and the gate like any protocol's (a register mapped to the operator is a
 * person's data: hashed for the portal, dropped for the ERP); an exception response and a silent slave show in the
 * status API and never stop the polling.
 */
class ModbusMachineTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RTU = "T-MODBUS-RTU";
    private static final String TCP = "T-MODBUS-TCP";
    /** Values differ in every run of a test, so no test waits for what an earlier one left behind. */
    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() & 0x3FFF));

    @Test
    void rtuRegistersBecomeMachineEventsAtPortalAndErp() {
        RequiredTool.assumeOrFail(MachinePeers.MODBUS_RTU != null, "socat at /usr/bin/socat (apt-get install socat)");
        SimulatedModbusSlave slave = MachinePeers.MODBUS_RTU;
        int run = RUN.incrementAndGet();
        long parts = 70_000L + run;
        slave.holding(0, 1);
        slave.input(2, SimulatedModbusSlave.float32(1200.5f));
        slave.input(4, 100 + run % 500);
        slave.holding(10, (int) (parts & 0xFFFF), (int) (parts >>> 16));
        slave.holding(20, SimulatedModbusSlave.text("O" + run, 4));
        slave.discreteInput(0, true);
        slave.holding(30, SimulatedModbusSlave.text("B-" + run, 4));

        JsonNode counter = awaitMachineEvent(PORTAL, RTU, "partCount", Long.toString(parts));
        JsonNode status = await().atMost(WAIT).until(() -> latest(PORTAL, RTU, "status"),
                s -> s.path("execution").asInt() == 1 && "1200.5".equals(s.path("spindleSpeed").asText())
                        && s.path("spindleLoad").decimalValue().compareTo(new java.math.BigDecimal(100 + run % 500).movePointLeft(1)) == 0
                        && s.path("doorOpen").asBoolean());
        assertThat(status.path("execution").isIntegralNumber()).isTrue();
        awaitMachineEvent(PORTAL, RTU, "program", "O" + run);
        JsonNode body = counter.path("body");
        assertThat(body.path("origin").path("protocol").asText()).isEqualTo("modbus");
        assertThat(body.path("origin").path("endpoint").asText()).isEqualTo(MachinePeers.MODBUS_LINE.linkA().toString());
        assertThat(body.path("customerNumber").asText()).isEqualTo("900001");
        assertThat(counter.path("source").asText()).isEqualTo("machine:test-modbus-rtu");
        // the badge register is mapped to operator.id: the portal gets it hashed, the ERP not at all
        assertThat(body.path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        JsonNode erpCounter = awaitMachineEvent(ERP, RTU, "partCount", Long.toString(parts));
        assertThat(erpCounter.path("body").path("operator").isEmpty()).isTrue();
        assertThat(machineEvents(ERP, RTU).toString()).doesNotContain("B-" + run);
        assertThat(machineEvents(PORTAL, RTU).toString()).doesNotContain("B-" + run);

        // only what changed is sent again: the next poll that sees another part count sends the counter alone
        slave.holding(10, (int) ((parts + 1) & 0xFFFF), (int) ((parts + 1) >>> 16));
        JsonNode next = awaitMachineEvent(PORTAL, RTU, "partCount", Long.toString(parts + 1));
        slave.holding(0, 2);
        await().atMost(WAIT).until(() -> latest(PORTAL, RTU, "status").path("execution").asInt() == 2);
        String polledAt = next.path("body").path("timestamp").asText();
        assertThat(machineEvents(PORTAL, RTU)).filteredOn(e -> polledAt.equals(e.path("body").path("timestamp").asText()))
                .extracting(e -> e.path("body").path("kind").asText()).containsExactly("counter");
    }

    @Test
    void anExceptionResponseIsReportedAndTheOtherRegistersAreStillRead() {
        RequiredTool.assumeOrFail(MachinePeers.MODBUS_RTU != null, "socat at /usr/bin/socat (apt-get install socat)");
        int before = MachinePeers.MODBUS_RTU.requests();
        await().atMost(WAIT).until(() -> MachinePeers.MODBUS_RTU.requests() > before + 16);
        JsonNode machine = api().json(api().get("/api/v1/machines/test-modbus-rtu", "operator"));
        assertThat(machine.path("protocol").asText()).isEqualTo("modbus");
        assertThat(machine.path("connection").asText()).isEqualTo("connected");
        assertThat(machine.path("lastError").asText())
                .isEqualTo("register 'missing': unit 1, function 03, address 999: exception response 02 (illegal data address)");
        assertThat(machine.path("errors").path("rejected").asLong()).isPositive();
        assertThat(machine.path("errors").path("connection").asLong()).isZero();
        JsonNode serial = machine.path("serial");
        assertThat(serial.path("connected").asBoolean()).isTrue();
        assertThat(serial.path("framesIn").asLong()).isPositive();
        assertThat(serial.path("framesOut").asLong()).isGreaterThanOrEqualTo(serial.path("framesIn").asLong());
        assertThat(serial.path("checksumErrors").asLong()).isZero();
    }

    @Test
    void tcpRegistersArriveAndASilentSlaveIsReportedUntilItAnswersAgain() {
        SimulatedModbusSlave slave = MachinePeers.MODBUS_TCP;
        int run = RUN.incrementAndGet();
        slave.input(0, SimulatedModbusSlave.float32(180.25f + run));
        slave.holding(5, -run);
        slave.coil(0, true);
        JsonNode status = await().atMost(WAIT).until(() -> latest(PORTAL, TCP, "status"),
                s -> s.path("temperature").asDouble() == 180.25 + run && s.path("heating").asBoolean());
        assertThat(status.path("heating").isBoolean()).isTrue();
        JsonNode alarm = awaitMachineEvent(ERP, TCP, "code", Integer.toString(-run));
        assertThat(alarm.path("body").path("origin").path("endpoint").asText())
                .isEqualTo("tcp://127.0.0.1:" + slave.tcpPort());

        slave.mute(true);
        try {
            await().atMost(WAIT).until(() -> "disconnected".equals(status("test-modbus-tcp").path("connection").asText()));
            JsonNode machine = status("test-modbus-tcp");
            // requests go by unit, function and address: the coil is asked first
            assertThat(machine.path("lastError").asText()).isEqualTo("unit 1, function 01, address 0: no response"
                    + " from tcp://127.0.0.1:" + slave.tcpPort() + " within 300 ms");
            assertThat(machine.path("errors").path("connection").asLong()).isPositive();
        } finally {
            slave.mute(false);
        }
        slave.holding(5, -run - 1);
        awaitMachineEvent(PORTAL, TCP, "code", Integer.toString(-run - 1));
        await().atMost(WAIT).until(() -> "connected".equals(status("test-modbus-tcp").path("connection").asText()));
    }

    private JsonNode status(String machineId) {
        return api().json(api().get("/api/v1/machines/" + machineId, "operator"));
    }

    /** The values of a kind as the events delivered so far leave them, later events over earlier ones. */
    private static JsonNode latest(WireMockServer server, String machineNumber, String kind) {
        ObjectNode merged = CanonicalJson.mapper().createObjectNode();
        List<JsonNode> events = machineEvents(server, machineNumber);
        events.stream().filter(e -> kind.equals(e.path("body").path("kind").asText()))
                .forEach(e -> merged.setAll((ObjectNode) e.path("body").path("values")));
        return merged;
    }
}
