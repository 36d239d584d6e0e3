package io.werkbridge.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A null-modem cable made of two pseudo-terminals by socat ({@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}): what one end writes, the other reads.
 */
final class VirtualSerialLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualSerialLink.class);
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Process socat;

    private VirtualSerialLink(Process socat) {
        this.socat = socat;
    }

    /** socat on the PATH, if installed. */
    static Optional<Path> findSocat() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "socat");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts socat with the two ends as symbolic links; returns once socat reports the transfer loop running.
     *
     * @throws IOException if socat cannot be started or does not come up within 10 s
     */
    static VirtualSerialLink plug(Path socat, Path endA, Path endB) throws IOException {
        for (Path end : new Path[] {endA, endB}) {
            Files.createDirectories(end.getParent());
            if (Files.isSymbolicLink(end)) {
                Files.delete(end); // left by a socat that was killed
            }
        }
        Process process = new ProcessBuilder(socat.toString(), "-d", "-d", "pty,raw,echo=0,link=" + endA,
                "pty,raw,echo=0,link=" + endB).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, running), "socat-log");
        reader.setDaemon(true);
        reader.start();
        try {
            running.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting socat", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("socat did not start its transfer loop within " + START_TIMEOUT_SECONDS + " s", e);
        }
        return new VirtualSerialLink(process);
    }

    private static void drain(Process process, CompletableFuture<Void> running) {
        try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = log.readLine()) != null) {
                if (line.contains("starting data transfer loop")) {
                    running.complete(null);
                }
                LOG.debug("socat: {}", line);
            }
            running.completeExceptionally(new IOException("socat ended with exit code " + process.waitFor()));
        } catch (IOException e) {
            running.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }
}
