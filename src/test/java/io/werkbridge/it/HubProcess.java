package io.werkbridge.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub as its own JVM: {@code java -jar target/werkbridge-*.jar} with the given arguments, its output in a log
 * file. Stopped gracefully (SIGTERM, as an orchestrator stops it) or killed (SIGKILL).
 */
final class HubProcess {

    /** Password of the erp and operator clients the ITs configure on child hubs. */
    static final String CLIENT_PASSWORD = "test-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> args;
    private final Path log;
    private Process process;
    private int starts;

    HubProcess(String name, Path workDir, List<String> args) {
        this(name, workDir, true, args);
    }

    private HubProcess(String name, Path workDir, boolean itClients, List<String> args) {
        this.name = name;
        this.port = FreePorts.next();
        this.log = workDir.resolve(name + ".log");
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--spring.config.location=classpath:/"));
        if (itClients) {
            all.addAll(List.of(
                    "--werkbridge.security.users.erp.password={noop}" + CLIENT_PASSWORD,
                    "--werkbridge.security.users.erp.roles=ERP",
                    "--werkbridge.security.users.operator.password={noop}" + CLIENT_PASSWORD,
                    "--werkbridge.security.users.operator.roles=OPERATOR",
                    // hubs of one deployment share the key: message groups (per customer) are its hashes
                    "--werkbridge.privacy.hash-key=it-only-hash-key-0123456789abcdef0123456789"));
        }
        all.addAll(args);
        this.args = List.copyOf(all);
    }

    /** A hub with only the given arguments (and its port): no test clients, no configured hash key. */
    static HubProcess asConfigured(String name, Path workDir, List<String> args) {
        return new HubProcess(name, workDir, false, args);
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** The file that holds everything the hub printed (standard output and standard error). */
    Path log() {
        return log;
    }

    /** Starts the JVM and waits until its health endpoint answers UP. */
    HubProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", ItPaths.hubJar().toString()));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        // a start took over two minutes on a 2-core machine shared with other builds
        try {
            await(name + " healthy (see " + log + ")").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited while starting; see " + log);
                        }
                        return healthy();
                    });
        } catch (RuntimeException notHealthy) {
            // the test fails here, before its own clean-up would stop the hub: a hub left running would outlive the build
            process.destroyForcibly();
            throw notHealthy;
        }
        return this;
    }

    int starts() {
        return starts;
    }

    /** SIGKILL: no shutdown hook, nothing finishes. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the hub shuts down gracefully (in-flight exchanges finish). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(90))) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not stop within 90 s after SIGTERM; see " + log);
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYetListening) { // connection refused or reset while the hub starts
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
