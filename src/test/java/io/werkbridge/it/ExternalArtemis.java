package io.werkbridge.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Artemis broker for the external-broker ITs: an instance made with the distribution's
 * {@code artemis create} (login required, the hubs' user {@value #USER} in role {@code hub}, a partner
 * {@value #PRODUCER} in role {@code inbound-producer}: the roles docs/operations.md documents), whose etc/broker.xml
 * is replaced by the project's docker/broker.xml
 * (flow topology, dead-letter addresses, duplicate detection) and which listens on a free port. One per test JVM,
 * started on first use and stopped when the JVM ends.
 */
public final class ExternalArtemis {

    public static final String USER = "werkbridge";
    public static final String PRODUCER = "partner-erp";
    private static ExternalArtemis shared;

    private final Path instance;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final String producerPassword = UUID.randomUUID().toString();
    private final Path log;
    private Process process;

    private ExternalArtemis(Path workDir) {
        this.instance = workDir.resolve("broker");
        this.port = FreePorts.next();
        this.log = workDir.resolve("artemis.log");
    }

    public static synchronized ExternalArtemis shared() {
        if (shared == null) {
            ExternalArtemis broker = new ExternalArtemis(ItPaths.workDir("artemis"));
            broker.create();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "artemis-it-stop"));
            shared = broker;
        }
        return shared;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String password() {
        return password;
    }

    public String producerPassword() {
        return producerPassword;
    }

    private void create() {
        Path artemis = ItPaths.artemisHome().resolve("bin/artemis");
        run(List.of("/bin/sh", artemis.toString(), "create", instance.toString(), "--user", USER, "--password", password,
                "--require-login", "--role", "hub", "--silent", "--no-web", "--no-autotune", "--no-amqp-acceptor", "--no-mqtt-acceptor",
                "--no-stomp-acceptor", "--no-hornetq-acceptor", "--name", "werkbridge-it"), Duration.ofMinutes(2));
        try {
            Files.copy(Path.of("docker/broker.xml"), instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
            // the partner: Artemis' properties login module takes a plain password as well as a hashed one
            Files.writeString(instance.resolve("etc/artemis-users.properties"), "\n" + PRODUCER + " = " + producerPassword + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(instance.resolve("etc/artemis-roles.properties"), "\ninbound-producer = " + PRODUCER + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // the broker's own JVM: the acceptor port for docker/broker.xml, and a heap that fits beside two hubs
            Files.writeString(instance.resolve("etc/artemis.profile"),
                    "\nJAVA_ARGS=\"$JAVA_ARGS -Xms64m -Xmx512m -Dwerkbridge.broker.port=" + port + "\"\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        try {
            process = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("Artemis active (see " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Artemis stopped while starting; see " + log);
                    }
                    return logContains("AMQ221007"); // Server is now active
                });
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(instance.getParent().resolve("artemis-create.log").toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("artemis create failed; see " + instance.getParent().resolve("artemis-create.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
