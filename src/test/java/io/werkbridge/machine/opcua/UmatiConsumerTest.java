package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opcua-umati: consumer on its own: it reports an unreachable server and keeps trying, subscribes once the server
 * is up, and after the server restarts (its subscriptions gone) subscribes again, so changes keep arriving.
 */
class UmatiConsumerTest {

    @TempDir
    Path dir;

    @Test
    void waitsForTheServerAndSubscribesAgainAfterItRestarts() throws Exception {
        int port = UmatiBrowserTest.freePort();
        MachineRegistry machines = new MachineRegistry(List.of(new MachineFileReader().read("mill.yml", """
                {id: mill, machineNumber: "WB500-0042", customerNumber: "100234", protocol: opcua, profile: umati,
                 connection: {endpoint: "opc.tcp://127.0.0.1:%d/umati", samplingInterval: 100, securityPolicy: None}}
                """.formatted(port))));
        MachineStatusBoard status = new MachineStatusBoard(Clock.systemUTC());
        List<UmatiNotification> received = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("opcua-umati", new UmatiComponent(machines,
                    new OpcUaSecurity(dir, Map.<String, String>of()::get), new OpcUaValues(Clock.systemUTC()), status));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("opcua-umati:mill").process(e -> received.add(e.getIn().getBody(UmatiNotification.class)));
                }
            });
            camel.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> status.snapshot("mill").connectionErrors() > 0);
            assertThat(status.snapshot("mill").lastError()).startsWith("umati: ");

            try (UmatiTestServer first = UmatiTestServer.start(port, "hmi", "hmi-pw")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> changed(received, "Production/ActiveProgram/Name", "O4711"));
            }
            UmatiTestServer server = UmatiTestServer.start(port, "hmi", "hmi-pw");
            try {
                await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    server.set("Production/ActiveProgram/Name", "O-AFTER-RESTART");
                    return changed(received, "Production/ActiveProgram/Name", "O-AFTER-RESTART");
                });
            } finally {
                server.close();
            }
        }
    }

    private static boolean changed(List<UmatiNotification> received, String path, Object value) {
        return received.stream().filter(n -> n instanceof UmatiNotification.DataChanges)
                .flatMap(n -> ((UmatiNotification.DataChanges) n).changes().stream())
                .anyMatch(c -> c.node().path().equals(path) && value.equals(c.value().value()));
    }
}
