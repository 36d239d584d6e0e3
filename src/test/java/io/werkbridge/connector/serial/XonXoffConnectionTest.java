package io.werkbridge.connector.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.connector.serial.codec.Priority3964R;
import io.werkbridge.connector.serial.codec.Settings3964R;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XON/XOFF done by the connection, on in-memory ports: what it takes out of the input, how it holds and fails writes. */
class XonXoffConnectionTest {

    private static final String PORT = "/fake/a";
    private static final String PARTNER = "/fake/b";

    private final FakeSerialLines lines = new FakeSerialLines().cable(PORT, PARTNER);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SerialCounters counters = new SerialCounters();
    private SerialConnection connection;

    @BeforeEach
    void start() {
        SerialSettings settings = new SerialSettings(PORT, 115_200, 8, Parity.NONE, 1, FlowControl.XONXOFF);
        SerialEndpointConfig config = new SerialEndpointConfig(settings, Framing.LINE, 64,
                Settings3964R.defaults(Priority3964R.LOW, 64), Duration.ofMillis(10), Duration.ofMillis(80),
                Duration.ofMillis(300));
        connection = new SerialConnection(settings, lines, new ReconnectBackoff(config.reconnectDelay(),
                config.maxReconnectDelay()), config.writeTimeout(), counters, System::nanoTime,
                Protocols.factory(config, System::nanoTime));
        connection.setFrameHandler(frame -> received.add(new String(frame, US_ASCII)));
        connection.start(executor);
        await().atMost(Duration.ofSeconds(5)).until(connection::isConnected);
    }

    @AfterEach
    void stop() {
        connection.stop();
        executor.shutdownNow();
    }

    @Test
    void takesDc1AndDc3OutOfTheInputAndHoldsWritesFromXoffToXon() throws Exception {
        lines.port(PORT).inject("N1\u0013 G0\u0011\n".getBytes(US_ASCII));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        assertThat(received).containsExactly("N1 G0");
        assertThat(connection.pausedByPartner()).isFalse();

        lines.port(PORT).inject(new byte[] {XonXoffGate.XOFF});
        await().atMost(Duration.ofSeconds(5)).until(connection::pausedByPartner);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                connection.send("M30".getBytes(US_ASCII));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(partnerReads()).as("nothing while paused").isEmpty();
        lines.port(PORT).inject(new byte[] {XonXoffGate.XON});
        sent.get(5, TimeUnit.SECONDS);
        assertThat(partnerReads()).isEqualTo("M30\r\n");
    }

    @Test
    void aPauseLongerThanTheWriteTimeoutFailsTheWriteButKeepsThePortOpenAndPaused() throws Exception {
        lines.port(PORT).inject(new byte[] {XonXoffGate.XOFF});
        await().atMost(Duration.ofSeconds(5)).until(connection::pausedByPartner);

        assertThatThrownBy(() -> connection.send("M30".getBytes(US_ASCII)))
                .isInstanceOf(SerialTransmissionException.class)
                .hasMessage("write to serial port /fake/a stopped with 0 of 5 bytes written: the partner's XOFF held"
                        + " it longer than 300 ms, or the port was reopened");
        lines.port(PORT).inject("N2\n".getBytes(US_ASCII));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("N2"));
        assertThat(lines.port(PORT).opens()).isEqualTo(1);
        assertThat(connection.pausedByPartner()).isTrue();
        assertThat(counters.snapshot(true).sendFailures()).isEqualTo(1);
    }

    @Test
    void isRefusedForTheBinaryFramings() {
        SerialSettings settings = new SerialSettings(PORT, 9600, 8, Parity.NONE, 1, FlowControl.XONXOFF);
        assertThatThrownBy(() -> new SerialEndpointConfig(settings, Framing.MODBUS_RTU, 64,
                Settings3964R.defaults(Priority3964R.LOW, 64), Duration.ofMillis(10), Duration.ofMillis(80),
                Duration.ofMillis(300))).hasMessage("serial option flowControl=xonxoff does not go with"
                + " framing=modbus-rtu: its binary frames hold DC1/DC3 bytes; use none or rtscts");
    }

    private String partnerReads() throws Exception {
        SerialLink partner = lines.create(new SerialSettings(PARTNER, 115_200, 8, Parity.NONE, 1, FlowControl.NONE));
        partner.open();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[64];
        int read;
        while ((read = partner.read(buffer, 50)) > 0) {
            text.append(new String(buffer, 0, read, US_ASCII));
        }
        partner.close();
        return text.toString();
    }
}
