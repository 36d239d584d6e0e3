package io.werkbridge.connector.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.connector.serial.codec.Priority3964R;
import io.werkbridge.connector.serial.codec.Settings3964R;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialConnectionTest {

    private static final String PORT = "/fake/a";
    private static final String PARTNER = "/fake/b";

    private final FakeSerialLines lines = new FakeSerialLines().cable(PORT, PARTNER);
    private final SerialCounters counters = new SerialCounters();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private SerialConnection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.stop();
        }
        executor.shutdownNow();
    }

    static SerialEndpointConfig config(String path, Framing framing) {
        SerialSettings settings = new SerialSettings(path, 115_200, 8, Parity.NONE, 1, FlowControl.NONE);
        Settings3964R siemens = new Settings3964R(Priority3964R.HIGH, 64, Duration.ofMillis(100),
                Duration.ofMillis(50), 2, 2);
        return new SerialEndpointConfig(settings, framing, 64, siemens, Duration.ofMillis(10), Duration.ofMillis(80),
                Duration.ofMillis(200));
    }

    private SerialConnection start(Framing framing) {
        SerialEndpointConfig config = config(PORT, framing);
        connection = new SerialConnection(config.settings(), lines,
                new ReconnectBackoff(config.reconnectDelay(), config.maxReconnectDelay()), config.writeTimeout(),
                counters, System::nanoTime, Protocols.factory(config, System::nanoTime));
        connection.setFrameHandler(frame -> received.add(new String(frame, US_ASCII)));
        connection.start(executor);
        await().atMost(Duration.ofSeconds(5)).until(connection::isConnected);
        return connection;
    }

    /** What the partner port received, drained from its inbox. */
    private String partnerReceived() throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[256];
        SerialLink partner = lines.create(config(PARTNER, Framing.LINE).settings());
        partner.open();
        int read;
        while ((read = partner.read(buffer, 20)) > 0) {
            text.append(new String(buffer, 0, read, US_ASCII));
        }
        partner.close();
        return text.toString();
    }

    @Test
    void loopsOverPartialWritesUntilTheFrameIsOut() throws Exception {
        lines.port(PORT).maxBytesPerWrite(3);
        start(Framing.LINE);

        connection.send("a frame written in pieces".getBytes(US_ASCII));

        assertThat(partnerReceived()).isEqualTo("a frame written in pieces\r\n");
        assertThat(counters.snapshot(true).framesOut()).isEqualTo(1);
    }

    @Test
    void failsTheSendWhenTheWriteMakesNoProgressWithinTheTimeout() {
        lines.port(PORT).maxBytesPerWrite(0);
        start(Framing.LINE);

        assertThatThrownBy(() -> connection.send("stuck".getBytes(US_ASCII)))
                .isInstanceOf(SerialTransmissionException.class)
                .hasMessageContaining("/fake/a").hasMessageContaining("timed out after 200 ms with 0 of 7 bytes");
        assertThat(counters.snapshot(true).sendFailures()).isEqualTo(1);
    }

    @Test
    void decodesFramesAndCountsBadInputWithoutStopping() {
        start(Framing.STX_ETX);

        lines.port(PORT).inject(new byte[] {'x', 0x02, 'o', 'k', 0x03, 'o' ^ 'k' ^ 0x03, 0x02, 'b', 0x03, 0x00, 'y'});
        lines.port(PORT).inject(new byte[] {0x02, 'n', 'e', 'x', 't', 0x03, 'n' ^ 'e' ^ 'x' ^ 't' ^ 0x03});

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received).containsExactly("ok", "next");
        SerialStatistics statistics = counters.snapshot(true);
        assertThat(statistics.framesIn()).isEqualTo(2);
        assertThat(statistics.garbageBytes()).isEqualTo(2);
        assertThat(statistics.checksumErrors()).isEqualTo(1);
    }

    @Test
    void aFailingFrameHandlerDoesNotStopTheReader() {
        start(Framing.LINE);
        connection.setFrameHandler(frame -> {
            if (frame[0] == 'x') {
                throw new IllegalStateException("handler bug");
            }
            received.add(new String(frame, US_ASCII));
        });

        lines.port(PORT).inject("x1\nok\n".getBytes(US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("ok"));
        assertThat(counters.snapshot(true).framesIn()).isEqualTo(2);
    }

    @Test
    void reopensAfterThePortIsLostAndCarriesOn() {
        start(Framing.LINE);

        lines.port(PORT).unplug();
        await().atMost(Duration.ofSeconds(5)).until(() -> !connection.isConnected());
        assertThatThrownBy(() -> connection.send("while away".getBytes(US_ASCII)))
                .isInstanceOf(SerialTransmissionException.class).hasMessageContaining("is not connected");

        lines.port(PORT).plug();
        await().atMost(Duration.ofSeconds(5)).until(connection::isConnected);
        lines.port(PORT).inject("after\n".getBytes(US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("after"));
        assertThat(counters.snapshot(true).reconnects()).isEqualTo(1);
        assertThat(counters.snapshot(true).sendFailures()).isEqualTo(1);
    }

    @Test
    void keepsTryingAPortThatIsAbsentAtStart() {
        lines.port(PORT).unplug();
        SerialEndpointConfig config = config(PORT, Framing.LINE);
        connection = new SerialConnection(config.settings(), lines,
                new ReconnectBackoff(config.reconnectDelay(), config.maxReconnectDelay()), config.writeTimeout(),
                counters, System::nanoTime, Protocols.factory(config, System::nanoTime));
        connection.start(executor);

        await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> !connection.isConnected());
        lines.port(PORT).plug();

        await().atMost(Duration.ofSeconds(5)).until(connection::isConnected);
        assertThat(counters.snapshot(true).reconnects()).isZero();
    }

    @Test
    void siemens3964RFailsTheSendWhenThePartnerNeverAnswers() {
        start(Framing.SIEMENS_3964R);

        assertThatThrownBy(() -> connection.send("hello".getBytes(US_ASCII)))
                .isInstanceOf(SerialTransmissionException.class)
                .hasMessageContaining("3964R connection failed after 2 STX attempts")
                .hasMessageContaining("no DLE answer to STX within 100 ms")
                .hasMessageContaining("/fake/a");
        assertThat(counters.snapshot(true).sendFailures()).isEqualTo(1);
    }

    @Test
    void siemens3964RSendsWhenThePartnerAcknowledges() throws Exception {
        start(Framing.SIEMENS_3964R);
        SerialLink partner = lines.create(config(PARTNER, Framing.LINE).settings());
        partner.open();
        Thread acknowledger = new Thread(() -> acknowledgeEverything(partner));
        acknowledger.start();

        connection.send(new byte[] {0x10, 'x'});

        acknowledger.join(5000);
        assertThat(counters.snapshot(true).framesOut()).isEqualTo(1);
    }

    /** A minimal partner: answers the STX and the block with DLE. */
    private static void acknowledgeEverything(SerialLink partner) {
        byte[] buffer = new byte[64];
        int answers = 0;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (answers < 2 && System.nanoTime() < deadline) {
                int read = partner.read(buffer, 20);
                if (read > 0) {
                    partner.write(new byte[] {0x10}, 0, 1);
                    answers++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
