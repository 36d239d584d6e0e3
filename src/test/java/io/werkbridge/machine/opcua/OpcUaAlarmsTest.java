package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.demo.SimulatedOpcUaMachine;
import io.werkbridge.machine.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarms & Conditions events from a secured embedded Milo server arrive with their fields, the acknowledgement too. */
class OpcUaAlarmsTest {

    @TempDir
    Path dir;

    @Test
    void aRaisedAlarmAndItsAcknowledgementArrive() throws Exception {
        OpcUaSecurity hub = new OpcUaSecurity(dir.resolve("hub"), Map.of("PW", "alarm-test-pw")::get);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SimulatedOpcUaMachine server = SimulatedOpcUaMachine.startSecured("127.0.0.1", port, dir.resolve("server"),
                "alarm-user", "alarm-test-pw", List.of(hub.certificate()))) {
            hub.trust(server.certificate());
            Connection.OpcUa connection = new Connection.OpcUa(server.endpoint(), Duration.ofMillis(100),
                    Duration.ofSeconds(1), "Basic256Sha256", "SignAndEncrypt",
                    new Connection.OpcUaIdentity("username", "alarm-user", "PW", null, null, null, null));
            List<OpcUaAlarms.Alarm> alarms = new CopyOnWriteArrayList<>();
            Instant before = Instant.now().minusSeconds(1);
            try (OpcUaAlarms subscription = OpcUaAlarms.subscribe(hub, connection, alarms::add)) {
                // an event subscription only sees events fired after it exists: fire until the first arrives
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (alarms.isEmpty()) {
                        server.fireAlarm("A-1042", 700, "Spindle overtemperature", true, false);
                    }
                    return !alarms.isEmpty();
                });
                server.fireAlarm("A-1042", 700, "Spindle overtemperature", true, true);
                await().atMost(Duration.ofSeconds(10)).until(() -> alarms.stream().anyMatch(a -> Boolean.TRUE.equals(a.acknowledged())));
            }

            OpcUaAlarms.Alarm raised = alarms.get(0);
            assertThat(raised.condition()).isEqualTo("A-1042");
            assertThat(raised.severity()).isEqualTo(700);
            assertThat(raised.message()).isEqualTo("Spindle overtemperature");
            assertThat(raised.source()).isEqualTo("Machine/Notifications");
            assertThat(raised.acknowledged()).isFalse();
            assertThat(raised.active()).isTrue();
            assertThat(raised.eventId()).hasSize(32);
            assertThat(raised.time()).isAfter(before);
            OpcUaAlarms.Alarm acked = alarms.get(alarms.size() - 1);
            assertThat(acked.condition()).isEqualTo("A-1042");
            assertThat(acked.acknowledged()).isTrue();
            assertThat(acked.eventId()).isNotEqualTo(raised.eventId());
        }
    }

    @Test
    void anEventThatIsNoConditionIsAMessage() {
        org.eclipse.milo.opcua.stack.core.types.builtin.Variant[] fields = new org.eclipse.milo.opcua.stack.core.types.builtin.Variant[14];
        java.util.Arrays.fill(fields, org.eclipse.milo.opcua.stack.core.types.builtin.Variant.NULL_VALUE);
        assertThat(OpcUaAlarms.alarm(fields).isCondition()).isFalse();
        assertThat(OpcUaAlarms.alarm(java.util.Arrays.copyOf(fields, 9))).as("fewer fields than selected").isNull();
        assertThat(OpcUaAlarms.alarm(null)).isNull();
    }
}
