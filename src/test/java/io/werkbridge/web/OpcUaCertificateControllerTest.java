package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.demo.SimulatedOpcUaMachine;
import io.werkbridge.machine.Connection;
import io.werkbridge.machine.opcua.OpcUaSecurity;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's trust decision: a rejected server certificate listed, trusted by thumbprint, then connected. */
class OpcUaCertificateControllerTest {

    @TempDir
    Path dir;

    @Test
    void rejectedCertificateIsListedAndTrustedByThumbprint() throws Exception {
        OpcUaSecurity hub = new OpcUaSecurity(dir.resolve("hub"), Map.of("PW", "api-test-pw")::get);
        OpcUaCertificateController api = new OpcUaCertificateController(hub);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (SimulatedOpcUaMachine server = SimulatedOpcUaMachine.startSecured("127.0.0.1", port, dir.resolve("server"),
                "api-user", "api-test-pw", List.of(hub.certificate()))) {
            Connection.OpcUa connection = new Connection.OpcUa(server.endpoint(), Duration.ofMillis(100),
                    Duration.ofSeconds(1), null, null,
                    new Connection.OpcUaIdentity("username", "api-user", "PW", null, null, null, null));
            assertThatThrownBy(() -> hub.connect(connection)).isInstanceOf(Exception.class);

            List<OpcUaSecurity.RejectedCertificate> rejected = api.rejected();
            assertThat(rejected).hasSize(1);
            String thumbprint = rejected.get(0).thumbprint();
            assertThat(thumbprint).hasSize(40);

            assertThat(api.trust("not-a-thumbprint").getStatusCode().value()).isEqualTo(400);
            assertThat(api.trust("0".repeat(40)).getStatusCode().value()).isEqualTo(404);
            assertThat(api.rejected()).hasSize(1);

            var trusted = api.trust(thumbprint.toUpperCase(java.util.Locale.ROOT));
            assertThat(trusted.getStatusCode().value()).isEqualTo(200);
            assertThat(trusted.getBody()).isEqualTo(Map.of("trusted", thumbprint));
            assertThat(api.rejected()).isEmpty();
            hub.connect(connection).disconnect();
        }
    }
}
