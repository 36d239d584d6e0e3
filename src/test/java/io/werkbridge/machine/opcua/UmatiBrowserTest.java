package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.machine.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The umati profile finds a machine tool by BrowseNames (namespaces from the server's array) and takes what it maps. */
class UmatiBrowserTest {

    @TempDir
    Path dir;

    @Test
    void findsTheMachineToolAndItsVariablesByBrowseName() throws Exception {
        try (UmatiTestServer server = UmatiTestServer.start(freePort(), "hmi", "hmi-pw")) {
            OpcUaSecurity security = new OpcUaSecurity(dir, Map.<String, String>of()::get);
            OpcUaClient client = security.connect(new Connection.OpcUa(server.endpoint(), Duration.ofMillis(100),
                    Duration.ofSeconds(1), "None", "None", null));
            try {
                List<UmatiBrowser.MachineTool> tools = UmatiBrowser.machineTools(client);

                assertThat(tools).hasSize(1);
                UmatiBrowser.MachineTool tool = tools.get(0);
                assertThat(tool.name()).isEqualTo(UmatiTestServer.MACHINE);
                assertThat(tool.notifier()).isEqualTo(server.nodeId("Notification/Messages"));
                assertThat(tool.serialNumber()).isEqualTo(server.nodeId("Identification/SerialNumber"));
                assertThat(tool.nodes()).extracting(UmatiBrowser.Node::path).containsExactlyInAnyOrder(
                        "Identification/Manufacturer", "Identification/Model", "Identification/SerialNumber",
                        "Identification/YearOfConstruction", "Identification/SoftwareRevision", "Identification/Location",
                        "Monitoring/MachineTool/OperationMode", "Monitoring/MachineTool/PowerOnDuration",
                        "Monitoring/Stacklight/Lamp_0/SignalOn", "Monitoring/Stacklight/Lamp_0/SignalColor",
                        "Monitoring/Channel_1/ChannelState", "Monitoring/Channel_1/FeedOverride",
                        "Monitoring/Channel_1/RapidOverride", "Monitoring/Spindle_1/IsRotating",
                        "Monitoring/Spindle_1/Override", "Production/ActiveProgram/Name",
                        "Production/ActiveProgram/State/CurrentState", "Production/ProductionPlan/Job_1/Identifier",
                        "Production/ProductionPlan/Job_1/RunsCompleted", "Production/ProductionPlan/Job_1/RunsPlanned",
                        "Production/ProductionPlan/Job_1/State/CurrentState",
                        "Notification/Prognoses/ToolChange/PredictedTime");
                assertThat(tool.nodes()).allSatisfy(node -> assertThat(node.id()).isEqualTo(server.nodeId(node.path())));
                assertThat(tool.nodes()).filteredOn(n -> n.path().equals("Monitoring/Channel_1/ChannelState"))
                        .singleElement().satisfies(n -> {
                            assertThat(n.rule().value()).isEqualTo("channels/Channel_1/state");
                            assertThat(n.decode().decode(1)).isEqualTo("Interrupted");
                        });
            } finally {
                client.disconnect();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
