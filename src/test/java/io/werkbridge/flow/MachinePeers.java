package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.connector.modbus.SimulatedModbusSlave;
import io.werkbridge.connector.serial.SocatPtyPair;
import io.werkbridge.demo.SimulatedOpcUaMachine;
import io.werkbridge.machine.opcua.UmatiTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The machines' side of the shared test hub, started once per JVM: a null-modem cable of two pseudo-terminals
 * (socat) for the serial test machine, an embedded OPC UA server for the OPC UA test machine, WireMock as the
 * MTConnect agent of the MTConnect test machine, and two Modbus slaves: one on a second socat cable (RTU), one on
 * a loopback socket (TCP). The machine files in {@code src/test/resources/test-machines/} take the
 * peers' addresses from the properties registered here.
 */
final class MachinePeers {

    private static final Path DIR = Path.of("target", "test-serial", UUID.randomUUID().toString()).toAbsolutePath();
    /** The cable, or null when socat is not installed (serial tests are then skipped). */
    static final SocatPtyPair SERIAL = plugSerial("hub", "machine");
    /**
     * The cable of the serial test machine's NC program transfer port (its machine file names it after the first
     * cable's hub end, with {@code -nc}), or null when socat is not installed.
     */
    static final SocatPtyPair NC = plugSerial("hub-nc", "machine-nc");
    /** The Modbus RTU test machine's cable, or null without socat. */
    static final SocatPtyPair MODBUS_LINE = plugSerial("modbus-hub", "modbus-slave");
    /** The Modbus RTU test machine (unit 1) at the cable's far end, or null without socat. */
    static final SimulatedModbusSlave MODBUS_RTU = MODBUS_LINE == null ? null
            : modbusRtu(SimulatedModbusSlave.rtu(MODBUS_LINE.linkB().toString(), 1));
    /** The Modbus TCP test machine (unit 1). */
    static final SimulatedModbusSlave MODBUS_TCP = startModbusTcp();
    /** The OPC UA test machine: Milo's server SDK with a small machine namespace. */
    static final SimulatedOpcUaMachine OPC_UA = startOpcUa();
    /** The umati test machine tool: Milo's server SDK with an OPC 40501-1 shaped address space. */
    static final UmatiTestServer UMATI = startUmati();
    /** WireMock playing the MTConnect agent of the MTConnect test machine. */
    static final WireMockServer MTCONNECT_AGENT = startAgent();

    private MachinePeers() {
    }

    private static SocatPtyPair plugSerial(String hubEnd, String machineEnd) {
        if (!Files.isExecutable(Path.of(SocatPtyPair.SOCAT))) {
            return null;
        }
        try {
            Files.createDirectories(DIR);
            SocatPtyPair cable = SocatPtyPair.plug(DIR.resolve(hubEnd), DIR.resolve(machineEnd));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cable.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "unplug-test-serial"));
            return cable;
        } catch (IOException e) {
            throw new UncheckedIOException("socat is installed but the test cable could not be made", e);
        }
    }

    private static SimulatedOpcUaMachine startOpcUa() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the OPC UA test machine", e);
        }
        SimulatedOpcUaMachine machine = SimulatedOpcUaMachine.start("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(machine::close, "stop-test-opcua"));
        return machine;
    }

    /** Every register of test-modbus-rtu.yml but 999, which stays missing (exception 02 at every poll). */
    private static SimulatedModbusSlave modbusRtu(SimulatedModbusSlave slave) {
        slave.holding(0, 0);
        slave.input(2, SimulatedModbusSlave.float32(0f));
        slave.input(4, 0);
        slave.holding(10, 0, 0);
        slave.holding(20, SimulatedModbusSlave.text("", 4));
        slave.discreteInput(0, false);
        slave.holding(30, SimulatedModbusSlave.text("", 4));
        return slave;
    }

    /** The registers of test-modbus-tcp.yml. */
    private static SimulatedModbusSlave startModbusTcp() {
        try {
            SimulatedModbusSlave slave = SimulatedModbusSlave.tcp(1);
            slave.input(0, SimulatedModbusSlave.float32(20f));
            slave.holding(5, 0);
            slave.coil(0, false);
            return slave;
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the Modbus TCP test machine", e);
        }
    }

    private static UmatiTestServer startUmati() {
        UmatiTestServer machine = UmatiTestServer.start(freePort(), UMATI_HMI_USER, UMATI_HMI_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(machine::close, "stop-test-umati"));
        return machine;
    }

    /** The machine's HMI user, who acknowledges alarms on the control (a person: ClientUserId). */
    static final String UMATI_HMI_USER = "max.mustermann";
    static final String UMATI_HMI_PASSWORD = "hmi-test-password";

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for an OPC UA test machine", e);
        }
    }

    private static WireMockServer startAgent() {
        WireMockServer agent = new WireMockServer(wireMockConfig().dynamicPort());
        agent.start();
        return agent;
    }

    /** The hub's end of the serial cable (a path that never exists when socat is missing). */
    static Path serialHubEnd() {
        return SERIAL == null ? DIR.resolve("no-socat") : SERIAL.linkA();
    }

    /** The control's end of the NC program transfer cable. */
    static Path ncControlEnd() {
        return NC == null ? DIR.resolve("no-socat-nc") : NC.linkB();
    }

    /** The machine's end, where tests write telegrams. */
    static Path serialMachineEnd() {
        return SERIAL == null ? DIR.resolve("no-socat-machine") : SERIAL.linkB();
    }

    /** Writes one telegram as an stx-etx frame at the machine's end (the test press's framing), once the link is up. */
    static void sendTelegram(ProducerTemplate producer, String telegram) {
        String uri = "serial:" + serialMachineEnd() + "?framing=stx-etx&baudRate=115200";
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                producer.sendBody(uri, telegram.getBytes(StandardCharsets.UTF_8)));
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("werkbridge.machines.location", () -> "classpath:test-machines/");
        registry.add("werkbridge.test.serial-port", () -> serialHubEnd().toString());
        registry.add("werkbridge.test.opcua-endpoint", OPC_UA::endpoint);
        registry.add("werkbridge.test.mtconnect-agent", MTCONNECT_AGENT::baseUrl);
        registry.add("werkbridge.test.modbus-port", () -> MODBUS_LINE == null ? DIR.resolve("no-socat-modbus").toString()
                : MODBUS_LINE.linkA().toString());
        registry.add("werkbridge.test.modbus-tcp-port", MODBUS_TCP::tcpPort);
        registry.add("werkbridge.test.umati-endpoint", UMATI::endpoint);
    }
}
