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
 * (flow topology, dead-letter addresses, duplicate detection) and which listens on a free port. {@link #shared()}: one
 * per test JVM, started on first use and stopped when the JVM ends. {@link #replicatedPair()}: a primary and a backup
 * with replication (the same broker.xml plus an ha-policy and a cluster connection), for failover tests.
 */
public final class ExternalArtemis {

    public static final String USER = "werkbridge";
    public static final String PRODUCER = "partner-erp";
    private static ExternalArtemis shared;

    private final Path instance;
    private final int port;
    private final String password;
    private final String producerPassword = UUID.randomUUID().toString();
    private final Path log;
    private Process process;

    private ExternalArtemis(Path workDir, String name, int port, String password) {
        this.instance = workDir.resolve(name);
        this.port = port;
        this.password = password;
        this.log = workDir.resolve(name + ".log");
    }

    private ExternalArtemis(Path workDir) {
        this(workDir, "broker", FreePorts.next(), UUID.randomUUID().toString());
    }

    /** A primary and its backup, replicating, on free ports; started (the backup synchronised) and stopped with the JVM. */
    public record Pair(ExternalArtemis primary, ExternalArtemis backup) {

        /** The hubs' URL: both brokers, reconnecting without limit, failing over to the backup (docs/operations.md). */
        public String failoverUrl() {
            return "(" + primary.url() + "," + backup.url() + ")?ha=true&reconnectAttempts=-1&retryInterval=200"
                    + "&retryIntervalMultiplier=1.5&maxRetryInterval=2000";
        }
    }

    public static Pair replicatedPair() {
        Path work = ItPaths.workDir("artemis-pair");
        String hubPassword = UUID.randomUUID().toString();
        ExternalArtemis primary = new ExternalArtemis(work, "primary", FreePorts.next(), hubPassword);
        ExternalArtemis backup = new ExternalArtemis(work, "backup", FreePorts.next(), hubPassword);
        String clusterPassword = UUID.randomUUID().toString();
        primary.create();
        primary.replicate("<primary><check-for-active-server>true</check-for-active-server></primary>", backup, clusterPassword);
        backup.create();
        backup.replicate("<backup><allow-failback>true</allow-failback></backup>", primary, clusterPassword);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            primary.stop();
            backup.stop();
        }, "artemis-pair-stop"));
        primary.start();
        backup.start("AMQ221024"); // Backup server ... is synchronized with primary server
        return new Pair(primary, backup);
    }

    /**
     * Adds to this instance's broker.xml what replication needs: the connectors this broker announces and reaches its
     * peer by, the cluster credentials and connection (static, to the peer), and the ha-policy.
     */
    private void replicate(String role, ExternalArtemis peer, String clusterPassword) {
        String ha = "<connectors><connector name=\"self\">" + url() + "</connector><connector name=\"peer\">" + peer.url()
                + "</connector></connectors>\n<cluster-user>werkbridge-cluster</cluster-user><cluster-password>" + clusterPassword
                + "</cluster-password>\n<cluster-connections><cluster-connection name=\"werkbridge-ha\"><connector-ref>self"
                + "</connector-ref><message-load-balancing>OFF</message-load-balancing><max-hops>0</max-hops>"
                + "<static-connectors><connector-ref>peer</connector-ref></static-connectors></cluster-connection>"
                + "</cluster-connections>\n<ha-policy><replication>" + role + "</replication></ha-policy>\n";
        Path brokerXml = instance.resolve("etc/broker.xml");
        try {
            String xml = Files.readString(brokerXml, StandardCharsets.UTF_8);
            if (!xml.contains("</acceptors>")) {
                throw new IllegalStateException("docker/broker.xml has no </acceptors> to put the ha-policy after");
            }
            Files.writeString(brokerXml, xml.replace("</acceptors>", "</acceptors>\n" + ha), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        start("AMQ221007"); // Server is now active
    }

    /** SIGKILL: the broker's JVM dies at once, as in a crash of its machine (the journal keeps what it synced). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the broker logged this message id (e.g. AMQ221007, now active) since it started. */
    public boolean logged(String messageId) {
        return logContains(messageId);
    }

    private void start(String ready) {
        try {
            process = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("Artemis " + ready + " (see " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Artemis stopped while starting; see " + log);
                    }
                    return logContains(ready);
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

    private Path createLog() {
        return instance.getParent().resolve(instance.getFileName() + "-create.log");
    }

    private void run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(createLog().toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("artemis create failed; see " + createLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
