package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.demo.SimulatedOpcUaMachine;
import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.milo.client.MiloClientComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's OPC UA security against Milo servers secured like a real control (Basic256Sha256, SignAndEncrypt, user
 * name only): the server certificate is rejected until trusted, then values flow, through the Milo SDK client and
 * through camel-milo subscriptions; an unsecured server is refused unless the machine file allows None.
 */
class OpcUaSecurityTest {

    private static final String USER = "werkbridge-test";
    private static final String PASSWORD = "test-password-1";
    private static final String SERIAL = SimulatedOpcUaMachine.nodeId("Machine/Identification/SerialNumber");
    private static final String STATE = SimulatedOpcUaMachine.nodeId("Machine/Monitoring/State");
    private static final Map<String, String> ENV = Map.of("OPCUA_TEST_PASSWORD", PASSWORD, "OPCUA_WRONG", "nope");

    @TempDir
    Path dir;
    private SimulatedOpcUaMachine server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private OpcUaSecurity security() {
        return new OpcUaSecurity(dir.resolve("hub"), ENV::get);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SimulatedOpcUaMachine secured(int port, String pki, OpcUaSecurity hub) {
        return SimulatedOpcUaMachine.startSecured("127.0.0.1", port, dir.resolve(pki), USER, PASSWORD,
                List.of(hub.certificate()));
    }

    private static MachineDefinition machine(String endpoint, String security) {
        return new MachineFileReader().read("test-secured.yml", """
                id: secured-mill
                machineNumber: M-1
                machineType: mill
                customerNumber: C-1
                protocol: opcua
                connection:
                  endpoint: %s
                  samplingInterval: 50
                  heartbeatInterval: 200
                %s
                mapping:
                  - {source: "%s", kind: status, value: state}
                """.formatted(endpoint, security.indent(2).stripTrailing(), STATE));
    }

    private static String user(String passwordEnv) {
        return """
                identity:
                  type: username
                  username: %s
                  passwordEnv: %s""".formatted(USER, passwordEnv);
    }

    private static Connection.OpcUa opcUa(MachineDefinition machine) {
        return (Connection.OpcUa) machine.connection();
    }

    private static Object read(OpcUaClient client, String node) throws UaException {
        DataValue value = client.readValue(0, TimestampsToReturn.Neither,
                ExpandedNodeId.parse(node).toNodeIdOrThrow(client.getNamespaceTable()));
        return value.getValue().getValue();
    }

    @Test
    void applicationInstanceCertificateIsCreatedOnFirstStartAndKept() {
        OpcUaSecurity first = security();
        OpcUaSecurity second = security();

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("CN=Werkbridge hub");
        assertThat(dir.resolve("hub/hub.pfx")).isRegularFile();
        assertThat(dir.resolve("hub/pki/trusted/certs")).isDirectory();
        assertThat(dir.resolve("hub/pki/issuer/certs")).isDirectory();
        assertThat(dir.resolve("hub/pki/rejected")).isDirectory();
    }

    @Test
    void serverCertificateIsRejectedUntilTrustedThenValuesFlow() throws Exception {
        OpcUaSecurity hub = security();
        server = secured(freePort(), "server", hub);
        Connection.OpcUa connection = opcUa(machine(server.endpoint(), user("OPCUA_TEST_PASSWORD")));

        assertThatThrownBy(() -> hub.connect(connection)).isInstanceOf(UaException.class);
        List<OpcUaSecurity.RejectedCertificate> rejected = hub.rejected();
        assertThat(rejected).singleElement().satisfies(c -> {
            assertThat(c.thumbprint()).isEqualTo(OpcUaSecurity.thumbprint(server.certificate()));
            assertThat(c.subject()).contains("CN=Werkbridge simulated machine");
        });
        try (Stream<Path> files = Files.list(dir.resolve("hub/pki/rejected"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }

        assertThat(hub.trust(rejected.get(0).thumbprint())).isTrue();
        assertThat(hub.rejected()).isEmpty();
        OpcUaClient client = hub.connect(connection);
        try {
            assertThat(client.getConfig().getEndpoint().getSecurityPolicyUri())
                    .isEqualTo("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256");
            assertThat(client.getConfig().getEndpoint().getSecurityMode().name()).isEqualTo("SignAndEncrypt");
            assertThat(read(client, SERIAL)).isEqualTo("SIM-0001");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void movingTheRejectedFileIntoTrustedTrustsTheServer() throws Exception {
        OpcUaSecurity hub = security();
        server = secured(freePort(), "server", hub);
        Connection.OpcUa connection = opcUa(machine(server.endpoint(), user("OPCUA_TEST_PASSWORD")));
        assertThatThrownBy(() -> hub.connect(connection)).isInstanceOf(UaException.class);

        Path rejected;
        try (Stream<Path> files = Files.list(dir.resolve("hub/pki/rejected"))) {
            rejected = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.move(rejected, dir.resolve("hub/pki/trusted/certs").resolve(rejected.getFileName()));

        // the trust list watches its folder; a new hub start reads it as well
        OpcUaClient client = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> hub.connect(connection), c -> c != null);
        try {
            assertThat(read(client, SERIAL)).isEqualTo("SIM-0001");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        OpcUaSecurity hub = security();
        server = secured(freePort(), "server", hub);
        hub.trust(server.certificate());

        assertThatThrownBy(() -> hub.connect(opcUa(machine(server.endpoint(), user("OPCUA_WRONG")))))
                .isInstanceOf(UaException.class);
        // an anonymous session is refused too: the server offers only the user name token
        assertThatThrownBy(() -> hub.connect(opcUa(machine(server.endpoint(), "identity: {type: anonymous}"))))
                .isInstanceOf(UaException.class);
    }

    @Test
    void aMissingPasswordIsNamedByItsVariableNotItsValue() {
        OpcUaSecurity hub = security();
        Connection.OpcUaIdentity identity = opcUa(machine("opc.tcp://127.0.0.1:4840/x", user("OPCUA_UNSET"))).identity();

        assertThatThrownBy(() -> hub.identity(identity)).hasMessageContaining("OPCUA_UNSET");
    }

    @Test
    void anUnsecuredServerIsRefusedUnlessTheMachineFileAllowsNone() throws Exception {
        OpcUaSecurity hub = security();
        server = SimulatedOpcUaMachine.start("127.0.0.1", freePort());

        assertThatThrownBy(() -> hub.connect(opcUa(machine(server.endpoint(), "securityPolicy: Basic256Sha256"))))
                .isInstanceOf(UaException.class);
        assertThatThrownBy(() -> hub.connect(opcUa(machine(server.endpoint(), "identity: {type: anonymous}"))))
                .isInstanceOf(UaException.class);

        OpcUaClient client = hub.connect(opcUa(machine(server.endpoint(), "securityPolicy: None")));
        try {
            assertThat(read(client, SERIAL)).isEqualTo("SIM-0001");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void noneNeedsBothPolicyAndModeInTheMachineFile() {
        assertThatThrownBy(() -> machine("opc.tcp://127.0.0.1:4840/x", "securityMode: None"))
                .hasMessageContaining("connection.securityMode: None goes only with securityPolicy None");
        assertThatThrownBy(() -> machine("opc.tcp://127.0.0.1:4840/x", "securityPolicy: None\nsecurityMode: Sign"))
                .hasMessageContaining("securityPolicy None only with securityMode None");
        assertThat(opcUa(machine("opc.tcp://127.0.0.1:4840/x", "identity: {type: anonymous}")))
                .satisfies(c -> {
                    assertThat(c.securityPolicy()).isEqualTo("Basic256Sha256");
                    assertThat(c.securityMode()).isEqualTo("SignAndEncrypt");
                });
    }

    /**
     * camel-milo's subscriptions through {@link SecuredMiloConnections}: nothing arrives before the server's
     * certificate is trusted; then values flow, survive a server restart, and after the server renews its
     * certificate they stop until the new one is trusted.
     */
    @Test
    void camelSubscriptionsUseTheMachinesSecurityAndSurviveRestartAndRenewal() throws Exception {
        OpcUaSecurity hub = security();
        int port = freePort();
        server = secured(port, "server", hub);
        MachineDefinition machine = machine(server.endpoint(), user("OPCUA_TEST_PASSWORD"));
        MachineRegistry machines = new MachineRegistry(List.of(machine));
        MachineStatusBoard status = new MachineStatusBoard(Clock.systemUTC());
        MiloClientComponent milo = new MiloClientComponent();
        milo.setMiloClientConnectionManager(new SecuredMiloConnections(machines, hub));
        BlockingQueue<Object> values = new LinkedBlockingQueue<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("milo-client", milo);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String uri = "milo-client:" + server.endpoint() + "?clientId=secured-mill&samplingInterval=50&node=";
                    from(uri + "RAW(" + STATE + ")").routeId("machine-secured-mill-node-0")
                            .process(e -> values.add(e.getMessage().getBody(DataValue.class).getValue().getValue()));
                    from(uri + "RAW(ns=0;i=2258)").routeId("machine-secured-mill-heartbeat")
                            .process(e -> status.heartbeat("secured-mill"));
                }
            });
            camel.start();
            OpcUaReconnect reconnect = new OpcUaReconnect(camel, machines, status, Clock.systemUTC(), Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(20)).until(() -> !hub.rejected().isEmpty());
            assertThat(values).isEmpty();
            hub.trust(hub.rejected().get(0).thumbprint());
            server.set("Machine/Monitoring/State", "Running");
            awaitValue(values, "Running");
            assertThat(reconnect.check()).isEmpty();

            server.close();
            server = secured(port, "server", hub);
            server.set("Machine/Monitoring/State", "Restarted");
            awaitValue(values, "Restarted");

            server.close();
            server = secured(port, "server-renewed", hub);
            server.set("Machine/Monitoring/State", "Renewed");
            String renewed = OpcUaSecurity.thumbprint(server.certificate());
            // Milo retries with the old certificate's endpoint; the watchdog reconnects with a new discovery
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                reconnect.check();
                return hub.rejected().stream().anyMatch(c -> c.thumbprint().equals(renewed));
            });
            assertThat(values).doesNotContain("Renewed");
            assertThat(status.snapshot("secured-mill").lastError()).contains("reconnecting");
            hub.trust(renewed);
            awaitValue(values, "Renewed");
        }
    }

    private static void awaitValue(BlockingQueue<Object> values, Object expected) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> values.contains(expected));
    }
}
