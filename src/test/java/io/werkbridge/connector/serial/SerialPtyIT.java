package io.werkbridge.connector.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.it.RequiredTool;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real thing on pseudo-terminals: jSerialComm, socat, a plain Camel context. For each
 * framing, 10,000 numbered frames go each way at once without loss or duplication; then the
 * cable is unplugged and plugged in again, and both sides reconnect and carry on.
 */
class SerialPtyIT {

    private static final int FRAMES = 10_000;
    private static final int AFTER_REPLUG = 100;
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final CamelContext context = new DefaultCamelContext();
    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private SocatPtyPair cable;

    @BeforeAll
    static void needsSocat() {
        RequiredTool.assumeOrFail(Files.isExecutable(Path.of(SocatPtyPair.SOCAT)),
                "socat at " + SocatPtyPair.SOCAT + " (apt-get install socat)");
    }

    @AfterEach
    void tearDown() throws Exception {
        context.stop();
        senders.shutdownNow();
        if (cable != null) {
            cable.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"line", "stx-etx", "3964r", "modbus-rtu"})
    void tenThousandFramesEachWayThenSurvivesAReplug(String framing) throws Exception {
        cable = SocatPtyPair.plug(dir.resolve("a"), dir.resolve("b"));
        assertThat(cable.ptys()).hasSize(2).allMatch(p -> p.startsWith("/dev/pts/"));
        assertThat(List.of(cable.linkA().toRealPath().toString(), cable.linkB().toRealPath().toString()))
                .containsExactlyInAnyOrderElementsOf(cable.ptys());
        String options = "?framing=" + framing + "&baudRate=" + baudRate(framing)
                + "&reconnectDelay=50&maxReconnectDelay=400";
        String uriA = "serial:" + cable.linkA() + options + "&priority=high";
        String uriB = "serial:" + cable.linkB() + options + "&priority=low";
        List<Integer> atA = new CopyOnWriteArrayList<>();
        List<Integer> atB = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uriA).process(e -> atA.add(sequenceOf(e)));
                from(uriB).process(e -> atB.add(sequenceOf(e)));
            }
        });
        context.start();
        SerialEndpoint endpointA = context.getEndpoint(uriA, SerialEndpoint.class);
        SerialEndpoint endpointB = context.getEndpoint(uriB, SerialEndpoint.class);
        awaitConnected(endpointA, endpointB);

        transfer(framing, uriA, uriB, 0, FRAMES);
        await().atMost(TRANSFER_TIMEOUT).until(() -> atA.size() >= FRAMES && atB.size() >= FRAMES);
        assertThat(atB).as("a -> b").containsExactlyElementsOf(range(0, FRAMES));
        assertThat(atA).as("b -> a").containsExactlyElementsOf(range(0, FRAMES));

        cable.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !endpointA.getStatistics().connected() && !endpointB.getStatistics().connected());
        assertThat(Files.exists(cable.linkA())).isFalse();
        cable = SocatPtyPair.plug(dir.resolve("a"), dir.resolve("b"));
        awaitConnected(endpointA, endpointB);

        transfer(framing, uriA, uriB, FRAMES, FRAMES + AFTER_REPLUG);
        await().atMost(TRANSFER_TIMEOUT)
                .until(() -> atA.size() >= FRAMES + AFTER_REPLUG && atB.size() >= FRAMES + AFTER_REPLUG);
        assertThat(atB).as("a -> b").containsExactlyElementsOf(range(0, FRAMES + AFTER_REPLUG));
        assertThat(atA).as("b -> a").containsExactlyElementsOf(range(0, FRAMES + AFTER_REPLUG));
        for (SerialEndpoint endpoint : List.of(endpointA, endpointB)) {
            SerialStatistics statistics = endpoint.getStatistics();
            assertThat(statistics.reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(statistics.framesIn()).isEqualTo(FRAMES + AFTER_REPLUG);
            assertThat(statistics.framesOut()).isEqualTo(FRAMES + AFTER_REPLUG);
            assertThat(statistics.checksumErrors()).isZero();
            assertThat(statistics.oversizeFrames()).isZero();
            assertThat(statistics.sendFailures()).isZero();
        }
    }

    /** Modbus keeps t3.5 (1.75 ms above 19200 baud) between frames: the fastest standard rate keeps that short. */
    private static int baudRate(String framing) {
        return "modbus-rtu".equals(framing) ? 921_600 : 115_200;
    }

    private static void awaitConnected(SerialEndpoint... endpoints) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> IntStream.range(0, endpoints.length).allMatch(i -> endpoints[i].getStatistics().connected()));
    }

    /** Sends [from, to) from A to B and from B to A at the same time, each direction in order. */
    private void transfer(String framing, String uriA, String uriB, int from, int to) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        CompletableFuture<Void> aToB = CompletableFuture.runAsync(() -> send(template, uriA, framing, from, to), senders);
        CompletableFuture<Void> bToA = CompletableFuture.runAsync(() -> send(template, uriB, framing, from, to), senders);
        CompletableFuture.allOf(aToB, bToA).get(TRANSFER_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void send(ProducerTemplate template, String uri, String framing, int from, int to) {
        for (int sequence = from; sequence < to; sequence++) {
            template.sendBody(uri, payload(framing, sequence));
        }
    }

    /**
     * A payload carrying {@code sequence}: text for line and stx-etx; binary for 3964R (with DLE
     * bytes, to exercise doubling) and Modbus RTU (slave 0x11, function 0x10, then raw bytes that
     * include XON/XOFF and CR values, to prove the port is raw).
     */
    static byte[] payload(String framing, int sequence) {
        return switch (framing) {
            case "3964r" -> ByteBuffer.allocate(10).put((byte) 0x10).putInt(sequence).put((byte) 0x10)
                    .putInt(~sequence).array();
            case "modbus-rtu" -> ByteBuffer.allocate(12).put((byte) 0x11).put((byte) 0x10).putInt(sequence)
                    .put(new byte[] {0x11, 0x13, 0x0D, 0x0A}).putShort((short) sequence).array();
            default -> String.format("frame %08d of the serial IT", sequence).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        };
    }

    private static int sequenceOf(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String framing = exchange.getMessage().getHeader(SerialConstants.FRAMING, String.class);
        return switch (framing) {
            case "3964r" -> ByteBuffer.wrap(body, 1, 4).getInt();
            case "modbus-rtu" -> ByteBuffer.wrap(body, 2, 4).getInt();
            default -> Integer.parseInt(new String(body, 6, 8, java.nio.charset.StandardCharsets.US_ASCII));
        };
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>(to - from);
        IntStream.range(from, to).forEach(numbers::add);
        return numbers;
    }
}
