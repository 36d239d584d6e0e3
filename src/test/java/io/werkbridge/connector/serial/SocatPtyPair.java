package io.werkbridge.connector.serial;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A null-modem cable made of two pseudo-terminals: {@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}. The links give stable paths across an unplug (kill socat) and a re-plug
 * (a new socat on the same links).
 */
public final class SocatPtyPair implements AutoCloseable {

    /** Where the tests expect socat ({@code .ci/run} installs it). */
    public static final String SOCAT = "/usr/bin/socat";
    private static final Pattern PTY_LINE = Pattern.compile("PTY is (/dev/pts/\\d+)");

    private final Path linkA;
    private final Path linkB;
    private final Process process;
    private final List<String> ptys;

    private SocatPtyPair(Path linkA, Path linkB, Process process, List<String> ptys) {
        this.linkA = linkA;
        this.linkB = linkB;
        this.process = process;
        this.ptys = ptys;
    }

    public static SocatPtyPair plug(Path linkA, Path linkB) throws IOException {
        Process process = new ProcessBuilder(SOCAT, "-d", "-d", "pty,raw,echo=0,link=" + linkA,
                "pty,raw,echo=0,link=" + linkB).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> ptys = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> bothPtys = new CompletableFuture<>();
        Thread stderrReader = new Thread(() -> readStderr(process, ptys, bothPtys), "socat-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
        try {
            bothPtys.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("socat did not report two PTYs within 10 s (got " + ptys + ")", e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(linkA) && Files.exists(linkB));
        return new SocatPtyPair(linkA, linkB, process, List.copyOf(ptys));
    }

    /** Reads socat's log for its two "N PTY is /dev/pts/X" lines, then keeps draining it. */
    private static void readStderr(Process process, List<String> ptys, CompletableFuture<Void> bothPtys) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = PTY_LINE.matcher(line);
                if (matcher.find()) {
                    ptys.add(matcher.group(1));
                    if (ptys.size() == 2) {
                        bothPtys.complete(null);
                    }
                }
            }
        } catch (IOException e) {
            bothPtys.completeExceptionally(e);
        }
    }

    /** The two /dev/pts paths socat reported. */
    public List<String> ptys() {
        return ptys;
    }

    public Path linkA() {
        return linkA;
    }

    public Path linkB() {
        return linkB;
    }

    /** Unplugs the cable: socat ends and removes its links. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
