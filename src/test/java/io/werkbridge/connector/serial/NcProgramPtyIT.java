package io.werkbridge.connector.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.it.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NC program transfer and XON/XOFF on real pseudo-terminals (socat): the hub's {@code serial:} endpoint at one end, a
 * simulated control reading and writing the raw pty at the other. A pty does not enforce a baud rate, so the control
 * paces itself where the test needs it.
 */
class NcProgramPtyIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** What the hub may still send after the control's XOFF: the chunk being written and the one the driver holds. */
    private static final int XOFF_BOUND = 2 * SerialConnection.XONXOFF_CHUNK;
    private static final byte DC1 = 0x11;
    private static final byte DC2 = 0x12;
    private static final byte DC3 = 0x13;
    private static final byte DC4 = 0x14;

    @TempDir
    Path dir;

    private final CamelContext context = new DefaultCamelContext();
    private SocatPtyPair cable;
    /** The control's end for writing, open for the whole test (socat ends when the last opener of a pty closes it). */
    private OutputStream controlOut;

    @BeforeAll
    static void needsSocat() {
        RequiredTool.assumeOrFail(Files.isExecutable(Path.of(SocatPtyPair.SOCAT)),
                "socat at " + SocatPtyPair.SOCAT + " (apt-get install socat)");
    }

    @BeforeEach
    void plug() throws IOException {
        cable = SocatPtyPair.plug(dir.resolve("hub"), dir.resolve("control"));
        controlOut = new FileOutputStream(cable.linkB().toFile());
    }

    @AfterEach
    void tearDown() throws Exception {
        context.stop();
        controlOut.close();
        cable.close();
    }

    @Test
    void aProgramSentToAControlThatSaysXoffEvery256BytesArrivesWholeAndNothingIsSentWhilePaused() throws Exception {
        String uri = "serial:" + cable.linkA() + "?framing=nc-program&flowControl=xonxoff&baudRate=9600&leader=20"
                + "&maxFrameLength=65536&writeTimeout=5000";
        consume(uri, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        byte[] program = program(6_000);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(
                () -> context.createProducerTemplate().sendBody(uri, program));

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Integer> duringPause = new ArrayList<>();
        int expected = 20 + 2 + program.length + 1 + 1 + 20;
        OutputStream out = controlOut;
        try (InputStream in = new FileInputStream(cable.linkB().toFile())) {
            // the control is ready to read: it says XON until the hub (waiting for it) starts sending
            while (received.size() == 0) {
                out.write(DC1);
                out.flush();
                drainFor(in, received, 100);
            }
            int sinceXon = 0;
            byte[] buffer = new byte[64];
            while (received.size() < expected) {
                int n = in.read(buffer, 0, Math.min(buffer.length, 256 - sinceXon));
                received.write(buffer, 0, n);
                sinceXon += n;
                if (sinceXon == 256 && received.size() < expected) {
                    out.write(DC3);
                    out.flush();
                    // what was already under way may still come, up to the bound; nothing else until DC1
                    duringPause.add(drainFor(in, received, 200));
                    out.write(DC1);
                    out.flush();
                    sinceXon = 0;
                }
            }
        }
        sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        byte[] tape = received.toByteArray();
        assertThat(tape).hasSize(expected);
        assertThat(new String(tape, 20, 2 + program.length + 1 + 1, StandardCharsets.US_ASCII))
                .isEqualTo("%\n" + new String(program, StandardCharsets.US_ASCII) + "\n%");
        // without the pause the hub would send about 190 characters in 200 ms at 9600 baud
        assertThat(duringPause).hasSizeGreaterThan(18)
                .allSatisfy(n -> assertThat(n).as("bytes after XOFF").isLessThanOrEqualTo(XOFF_BOUND));
    }

    @Test
    void anyFramingsProducerHoldsItsFramesWhileThePartnerSaysXoffAndSendsThemAtXon() throws Exception {
        String uri = consume("serial:" + cable.linkA() + "?framing=line&flowControl=xonxoff&baudRate=115200"
                + "&writeTimeout=10000", new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = new FileInputStream(cable.linkB().toFile())) {
            controlOut.write(DC3);
            controlOut.flush();
            SerialEndpoint endpoint = context.getEndpoint(uri, SerialEndpoint.class);
            await().atMost(WAIT).until(endpoint::pausedByPartner);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(
                    () -> context.createProducerTemplate().sendBody(uri, "N10 G0 X0"));
            assertThat(drainFor(in, received, 500)).as("bytes sent while paused").isZero();
            assertThat(sent).isNotDone();
            controlOut.write(DC1);
            controlOut.flush();
            sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(endpoint.pausedByPartner()).isFalse();
            await().atMost(WAIT).until(() -> drainFor(in, received, 50) >= 0 && received.size() >= 11);
        }
        assertThat(received.toString(StandardCharsets.US_ASCII)).isEqualTo("N10 G0 X0\r\n");
    }

    @Test
    void aSendWithoutTheControlsXonFailsSayingNothingWasSent() throws Exception {
        String uri = consume("flowControl=xonxoff&startTimeout=300", new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> context.createProducerTemplate().sendBody(uri, program(100)))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(SerialTransmissionException.class)
                .hasMessageContaining("no XON (DC1) from the partner within 300 ms");
    }

    @Test
    void a200KbProgramPunchedAt9600BaudWithXonXoffPausesArrivesCompleteAndOnce() throws Exception {
        List<byte[]> programs = new CopyOnWriteArrayList<>();
        List<String> rejected = new CopyOnWriteArrayList<>();
        String uri = consume("baudRate=9600&flowControl=xonxoff&maxFrameLength=1048576", programs, rejected);
        byte[] program = program(200 * 1024);

        ByteArrayOutputStream tape = new ByteArrayOutputStream();
        tape.writeBytes(new byte[50]);
        tape.write(DC2);
        tape.writeBytes("%\n".getBytes(StandardCharsets.US_ASCII));
        tape.writeBytes(program);
        tape.writeBytes("%".getBytes(StandardCharsets.US_ASCII));
        tape.writeBytes(new byte[50]);
        tape.write(DC4);
        punch(tape.toByteArray(), 96, 16 * 1024, 5);

        await().atMost(WAIT).until(() -> programs.size() == 1);
        assertThat(programs.get(0)).isEqualTo(program);
        // nothing else may follow: the program came once
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> programs.size() == 1);
        assertThat(rejected).isEmpty();
    }

    @Test
    void aParityErrorAndATruncatedProgramAreReportedWithTheirPositionAndNothingOfThemIsDelivered() throws Exception {
        List<byte[]> programs = new CopyOnWriteArrayList<>();
        List<String> rejected = new CopyOnWriteArrayList<>();
        String uri = consume("codeParity=even&endTimeout=400", programs, rejected);

        byte[] bad = evenParity("%\nO1234\nN10 G0 X0 Y0\nN20 G1 Z-1 F100\n%");
        int flipped = "%\nO1234\nN10 G0 X0 Y0\nN20 ".length();
        bad[flipped] ^= (byte) 0x80;
        punch(bad, 4096, 0, 1);
        await().atMost(WAIT).until(() -> rejected.size() == 1);
        assertThat(rejected.get(0)).isEqualTo("parity error at byte offset " + flipped
                + " (line 4) of the program from its opening %");

        punch(evenParity("%\nO1235\nN10 G0 X0\n"), 4096, 0, 1);
        punch(new byte[] {DC4}, 1, 0, 1);
        await().atMost(WAIT).until(() -> rejected.size() == 2);
        assertThat(rejected.get(1)).isEqualTo("truncated: punch off (DC4) before the closing % at byte offset 18"
                + " (line 4) of the program from its opening %");

        punch(evenParity("%\nO1236\nN10 G0 X0\n"), 4096, 0, 1);
        await().atMost(WAIT).until(() -> rejected.size() == 3);
        assertThat(rejected.get(2)).isEqualTo("truncated: no closing % after 18 bytes (line 4), nothing received for 400 ms");

        punch(evenParity("\0\0%\nO1237\n(PROGRAMMER ERIKA)\nM30\n%\0\0"), 4096, 0, 1);
        await().atMost(WAIT).until(() -> programs.size() == 1);
        assertThat(new String(programs.get(0), StandardCharsets.US_ASCII)).isEqualTo("O1237\n(PROGRAMMER ERIKA)\nM30\n");
        assertThat(rejected).hasSize(3).noneMatch(r -> r.contains("O123") || r.contains("G0"));
        assertThat(context.getEndpoint(uri, SerialEndpoint.class).getStatistics().checksumErrors()).isEqualTo(3);
    }

    /** Starts a route that collects what the hub receives; returns its URI once the port is open. */
    private String consume(String options, List<byte[]> programs, List<String> rejected) throws Exception {
        String uri = options.startsWith("serial:") ? options : "serial:" + cable.linkA() + "?framing=nc-program&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    String reason = e.getMessage().getHeader(SerialConstants.REJECTED, String.class);
                    if (reason == null) {
                        programs.add(e.getMessage().getBody(byte[].class));
                    } else {
                        rejected.add(reason);
                    }
                });
            }
        });
        context.start();
        awaitConnected(uri);
        return uri;
    }

    private void awaitConnected(String uri) {
        SerialEndpoint endpoint = context.getEndpoint(uri, SerialEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getStatistics().connected());
    }

    /**
     * The control punches {@code tape} in bursts of {@code burst} bytes with {@code pauseMillis} after each (96 bytes
     * per 5 ms is 9600 baud twenty times faster: a pty does not enforce the baud rate, the test must stay short), and
     * every {@code pauseEvery} bytes (0: never) pauses the hub's direction with XOFF and resumes it with XON, which
     * must not end up in the program.
     */
    private void punch(byte[] tape, int burst, int pauseEvery, long pauseMillis) throws IOException, InterruptedException {
        OutputStream out = controlOut;
        for (int offset = 0; offset < tape.length; offset += burst) {
            if (pauseEvery > 0 && offset > 0 && offset % pauseEvery < burst) {
                out.write(DC3);
                out.write(DC1);
            }
            out.write(tape, offset, Math.min(burst, tape.length - offset));
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    /** Reads what arrives within {@code millis}; returns how many bytes. */
    private int drainFor(InputStream in, ByteArrayOutputStream into, long millis) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int count = 0;
        byte[] buffer = new byte[256];
        while (System.nanoTime() < end) {
            int available = in.available();
            if (available > 0) {
                int n = in.read(buffer, 0, Math.min(available, buffer.length));
                into.write(buffer, 0, n);
                count += n;
            } else {
                Thread.sleep(2);
            }
        }
        return count;
    }

    /** A program of about {@code size} characters: numbered blocks of G-code, a comment now and then. */
    static byte[] program(int size) {
        StringBuilder text = new StringBuilder("O4711\n");
        for (int n = 10; text.length() < size; n += 10) {
            text.append('N').append(n).append(n % 500 == 0 ? " (FACE MILL D50)" : "").append(" G1 X")
                    .append(n % 997).append(".5 Y-").append(n % 311).append(" F250\n");
        }
        text.setLength(size);
        text.setCharAt(size - 1, '0');
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** ISO code on an 8-bit line: each character's even parity bit in bit 8. */
    static byte[] evenParity(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (Integer.bitCount(bytes[i]) % 2 == 1) {
                bytes[i] |= (byte) 0x80;
            }
        }
        return bytes;
    }
}
