package io.werkbridge.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.util.FileSystemUtils;

/**
 * End-to-end load run (not part of {@code verify}; see docs/benchmarks.md): customer updates through the hub's SOAP
 * edge to two HTTP destinations (shop and portal, a local sink); the same load through the fair peer
 * ({@link io.werkbridge.bench.peer.FairPeer}: the same SOAP edge, broker and destinations in plain Camel, without the
 * privacy gate, the ledger and the disclosure records); and through a bare Camel JMS-to-HTTP route as a second
 * reference. Each runs as its own JVM with persistent messaging, one after the other; this JVM generates the load and
 * is the sink. Measures, for each: sustained throughput (messages delivered to both destinations per second with
 * {@code clients} senders in a closed loop), and latency from sending to delivery at both destinations at a fixed
 * rate ({@code rate} messages/s, open loop, so a slow system shows as latency, not as a lower rate). For the hub
 * also the peak heap in use (it runs with -Xmx512m).
 *
 * <p>Arguments ({@code key=value}): warmup (s, 600), duration (s, 30), clients (16), rate (500), consumers (per
 * destination queue, always running, 32), max-consumers (per destination queue while a backlog waits, 32), customers
 * (distinct keys, 1000), db ({@code h2}: the embedded default; {@code postgres}: a fresh database on the local
 * PostgreSQL at 127.0.0.1:5432, user postgres, as in production), systems (comma-separated, in the order run:
 * {@code hub,peer,bare}; e.g. {@code hub} alone to profile it). The per-client rate limit is lifted for the run: it would otherwise be what is measured.
 */
public final class EndToEndLoad {

    private static final Pattern ACK = Pattern.compile("<messageId>([0-9a-f-]{36})</messageId>");
    static final String PASSWORD = "bench-only";

    private final Map<String, String> options;
    private final Path work;

    private EndToEndLoad(Map<String, String> options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("warmup", "600", "duration", "30", "clients", "16",
                "rate", "500", "consumers", "32", "max-consumers", "32", "customers", "1000", "db", "h2", "systems", "hub,peer,bare"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !options.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected key=value with key one of " + options.keySet());
            }
            options.put(kv[0], kv[1]);
        }
        Path work = Files.createDirectories(Path.of("target", "bench", "e2e-" + System.currentTimeMillis())).toAbsolutePath();
        EndToEndLoad load = new EndToEndLoad(options, work);
        Map<String, Result> results = new java.util.LinkedHashMap<>();
        for (String system : options.get("systems").split(",")) {
            Result result = switch (system.trim()) {
                case "hub" -> load.runHub();
                case "peer" -> load.runPeer();
                case "bare" -> load.runBare();
                default -> throw new IllegalArgumentException("systems: hub, peer or bare, comma-separated");
            };
            System.out.printf(Locale.ROOT, "[%s] peak heap in use: %d MB of 512 MB; load average before/after: %s / %s%n",
                    system, result.peakHeapBytes() / (1024 * 1024), result.loadBefore(), result.loadAfter());
            // the databases and journals of a run take gigabytes (H2 keeps 45 s of chunks); the logs stay
            FileSystemUtils.deleteRecursively(work.resolve(system.trim() + "-data"));
            results.put(system.trim(), result);
        }
        String report = load.report(results);
        Files.writeString(work.resolve("report.md"), report);
        System.out.println(report);
    }

    /** What one system under test achieved. */
    record Result(double intakePerSecond, double deliveredPerSecond, long drainMillis, double p50Millis,
                  double p99Millis, double maxMillis, double achievedRate, long latencyMessages, long undelivered,
                  long peakHeapBytes, double cpuMillisPerMessage, String loadBefore, String loadAfter) {

        Result withHeap(long peak) {
            return new Result(intakePerSecond, deliveredPerSecond, drainMillis, p50Millis, p99Millis, maxMillis, achievedRate,
                    latencyMessages, undelivered, peak, cpuMillisPerMessage, loadBefore, loadAfter);
        }
    }

    /** Sends one message; returns its canonical message id. */
    private interface Sender {
        String send(int sequence) throws Exception;
    }

    /** The hub's database: H2 under the work directory (the default), or a new PostgreSQL database. */
    private static List<String> database(Map<String, String> options) throws java.sql.SQLException {
        if ("h2".equals(options.get("db"))) {
            return List.of();
        }
        if (!"postgres".equals(options.get("db"))) {
            throw new IllegalArgumentException("db must be h2 or postgres");
        }
        String name = "werkbridge_bench_" + System.currentTimeMillis();
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             java.sql.Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + name,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    /** Threads that do not keep the load driver's JVM alive once the report is out. */
    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "load-http");
            thread.setDaemon(true);
            return thread;
        };
    }

    private int option(String key) {
        return Integer.parseInt(options.get(key));
    }

    // ---------------------------------------------------------------------------------------------- the hub

    private Result runHub() throws Exception {
        try (DeliverySink sink = new DeliverySink()) {
            int port = freePort();
            try (ChildJvm hub = startHub(work, port, sink, options)) {
                return measureSoap("hub", hub, port, sink);
            }
        }
    }

    /**
     * The hub from its jar with {@code -Xmx512m}, the sink as shop and portal, the bench's clients (erp, operator), the
     * rate limit lifted, H2 under {@code work} or a fresh PostgreSQL database ({@code db}); JVM options may be added
     * with WERKBRIDGE_BENCH_HUB_JVM_ARGS.
     */
    static ChildJvm startHub(Path work, int port, DeliverySink sink, Map<String, String> options) throws Exception {
        Path jar = hubJar();
        List<String> args = new ArrayList<>(List.of("-jar", jar.toString(),
                "--spring.config.location=classpath:/",
                "--server.port=" + port,
                "--werkbridge.data-dir=" + work.resolve("hub-data"),
                "--werkbridge.broker.tcp-enabled=false",
                "--werkbridge.delivery.concurrent-consumers=" + options.get("consumers"),
                "--werkbridge.delivery.max-concurrent-consumers=" + options.get("max-consumers"),
                "--werkbridge.destinations.shop.url=" + sink.baseUrl() + "/shop/customers",
                "--werkbridge.destinations.portal.url=" + sink.baseUrl() + "/portal/customers",
                "--werkbridge.security.users.erp.password={noop}" + PASSWORD,
                "--werkbridge.security.users.erp.roles=ERP",
                "--werkbridge.security.users.operator.password={noop}" + PASSWORD,
                "--werkbridge.security.users.operator.roles=OPERATOR",
                "--werkbridge.security.limits.requests-per-second=1000000",
                "--werkbridge.security.limits.burst=1000000",
                "--werkbridge.privacy.hash-key=bench-only-hash-key-0123456789abcdef0123456789"));
        args.addAll(database(options));
        return ChildJvm.start(jvmOptions("hub", "WERKBRIDGE_BENCH_HUB_JVM_ARGS"), args, work.resolve("hub.log"));
    }

    /** Once the JVM answers its health check: the load through its SOAP edge, with its heap watched. */
    private Result measureSoap(String name, ChildJvm jvm, int port, DeliverySink sink) throws Exception {
        jvm.awaitReady(() -> ChildJvm.answers("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofMinutes(8));
        try (HeapWatch heap = new HeapWatch(jvm.pid())) {
            return measure(name, sink, soapSender(port), new ThreadCpu(jvm.pid())).withHeap(heap.peak());
        }
    }

    // ------------------------------------------------------------------------------------------ the fair peer

    private Result runPeer() throws Exception {
        try (DeliverySink sink = new DeliverySink()) {
            int port = freePort();
            List<String> jvm = jvmOptions("peer", "WERKBRIDGE_BENCH_PEER_JVM_ARGS");
            jvm.addAll(List.of("-cp", System.getProperty("java.class.path")));
            List<String> args = List.of(io.werkbridge.bench.peer.FairPeer.class.getName(),
                    // not the hub's application.yml, which is on the same class path
                    "--spring.config.location=optional:file:" + work.resolve("peer-none") + "/",
                    "--server.port=" + port,
                    "--peer.data-dir=" + work.resolve("peer-data"),
                    "--peer.sink=" + sink.baseUrl(),
                    "--peer.consumers=" + option("consumers"),
                    "--peer.max-consumers=" + option("max-consumers"),
                    "--peer.password=" + PASSWORD);
            try (ChildJvm peer = ChildJvm.start(jvm, args, work.resolve("peer.log"))) {
                return measureSoap("peer", peer, port, sink);
            }
        }
    }

    private Sender soapSender(int port) {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, daemon())).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("erp:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + port + "/services/erp");
        int customers = option("customers");
        return sequence -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofString(Payloads.soap(sequence % customers, sequence), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher ack = ACK.matcher(response.body());
            if (response.statusCode() != 200 || !ack.find()) {
                throw new IllegalStateException("hub answered " + response.statusCode() + " without an acknowledgement");
            }
            return ack.group(1);
        };
    }

    // ------------------------------------------------------------------------------------------ the baseline

    private Result runBare() throws Exception {
        try (DeliverySink sink = new DeliverySink()) {
            int brokerPort = freePort();
            List<String> jvm = jvmOptions("bare", "WERKBRIDGE_BENCH_BARE_JVM_ARGS");
            jvm.addAll(List.of("-cp", System.getProperty("java.class.path")));
            try (ChildJvm bare = ChildJvm.start(jvm,
                    List.of(BareJmsHttpRoute.class.getName(), work.resolve("bare-data").toString(), String.valueOf(brokerPort),
                            sink.baseUrl(), options.get("consumers"), options.get("max-consumers")), work.resolve("bare.log"))) {
                bare.awaitReady(() -> logContains(work.resolve("bare.log"), "BARE-READY"), Duration.ofMinutes(2));
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
                List<Connection> connections = new ArrayList<>();
                ThreadLocal<Object[]> producers = ThreadLocal.withInitial(() -> {
                    try {
                        Connection connection = factory.createConnection();
                        synchronized (connections) {
                            connections.add(connection);
                        }
                        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        MessageProducer producer = session.createProducer(session.createTopic("bench"));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        return new Object[] {session, producer};
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
                int customers = option("customers");
                Sender jms = sequence -> {
                    Object[] sp = producers.get();
                    String id = UUID.randomUUID().toString();
                    TextMessage message = ((Session) sp[0]).createTextMessage(Payloads.canonical(id, sequence % customers, sequence));
                    message.setStringProperty("JMSXGroupID", Payloads.customer(sequence % customers));
                    ((MessageProducer) sp[1]).send(message);
                    return id;
                };
                try {
                    return measure("bare", sink, jms, new ThreadCpu(bare.pid()));
                } finally {
                    synchronized (connections) {
                        for (Connection c : connections) {
                            c.close();
                        }
                    }
                    factory.close();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- measuring

    private Result measure(String name, DeliverySink sink, Sender sender, ThreadCpu cpu) throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();

        // 1. closed loop: `clients` senders as fast as they get answers
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(option("clients"));
        for (int c = 0; c < option("clients"); c++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        sender.send(sequence.getAndIncrement());
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        TimeUnit.SECONDS.sleep(option("warmup"));
        record(name, cpu.pid());
        Map<String, Long> cpu0 = cpu.snapshot();
        long c0 = sink.complete();
        long s0 = sent.get();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(option("duration"));
        long c1 = sink.complete();
        long s1 = sent.get();
        Map<String, Long> cpu1 = cpu.snapshot();
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        long drainStart = System.nanoTime();
        boolean drained = awaitDrained(sink, sent.get(), Duration.ofMinutes(5));
        long drainMillis = drained ? (System.nanoTime() - drainStart) / 1_000_000 : -1;
        System.out.printf(Locale.ROOT, "[%s] closed loop: %.0f sent/s, %.0f delivered/s, drained in %d ms, %d failed sends%n",
                name, (s1 - s0) / seconds, (c1 - c0) / seconds, drainMillis, failed.get());
        long total = cpu1.values().stream().mapToLong(Long::longValue).sum() - cpu0.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "[%s] CPU in the closed loop: %.2f cores, %.2f ms per message accepted, by thread group:%n",
                name, total / 1000.0 / seconds, (double) total / Math.max(1, s1 - s0));
        ThreadCpu.perMessage(cpu0, cpu1, s1 - s0).forEach(System.out::println);

        // 2. open loop at `rate` messages/s: latency from the scheduled send to delivery at both destinations
        int rate = option("rate");
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long openStart = System.nanoTime();
        Instant openStartWall = Instant.now();
        ticker.scheduleAtFixedRate(() -> {
            long at = System.nanoTime();
            pool.submit(() -> {
                try {
                    String id = sender.send(sequence.getAndIncrement());
                    acknowledged.put(id, System.nanoTime());
                    scheduled.put(id, at);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        TimeUnit.SECONDS.sleep(option("duration"));
        ticker.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        awaitDrained(sink, sent.get() + scheduled.size(), Duration.ofMinutes(5));
        long undelivered = scheduled.keySet().stream().filter(id -> sink.deliveredAt(id) == 0).count();
        double[] latencies = scheduled.entrySet().stream()
                .filter(e -> sink.deliveredAt(e.getKey()) != 0)
                .mapToDouble(e -> (sink.deliveredAt(e.getKey()) - e.getValue()) / 1e6)
                .sorted().toArray();
        double[] answers = scheduled.entrySet().stream()
                .mapToDouble(e -> (acknowledged.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
        System.out.printf(Locale.ROOT, "[%s] open loop at %d/s: %d messages, p50 %.1f ms, p99 %.1f ms"
                        + " (the edge's answer alone: p50 %.1f ms, p99 %.1f ms)%n",
                name, rate, latencies.length, percentile(latencies, 50), percentile(latencies, 99),
                percentile(answers, 50), percentile(answers, 99));
        printTail(name, scheduled, sink, percentile(latencies, 99), openStart, openStartWall);
        return new Result((s1 - s0) / seconds, (c1 - c0) / seconds, drainMillis, percentile(latencies, 50),
                percentile(latencies, 99), latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1],
                scheduled.size() / openSeconds, latencies.length, undelivered, 0, (double) total / Math.max(1, s1 - s0),
                loadBefore, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * A system's JVM options: 512 MB of heap; with WERKBRIDGE_BENCH_JFR a one-second flight recording at start; then the
     * options of {@code extraVariable}. Flight Recorder instruments JDK classes (sockets, files, Throwable) when it first
     * starts, which deoptimises all code that inlined them: started in the measured window, it set off a wave of
     * recompilation (both systems compiled 180-230 methods a second in the window, 4 a second without it).
     */
    static List<String> jvmOptions(String system, String extraVariable) {
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
        String folder = System.getenv("WERKBRIDGE_BENCH_JFR");
        if (folder != null && !folder.isBlank()) {
            jvm.add("-XX:StartFlightRecording=duration=1s,filename="
                    + Path.of(folder).toAbsolutePath().resolve(system + "-startup.jfr"));
        }
        String extra = System.getenv(extraVariable); // e.g. -Xlog:gc:file=/tmp/gc.log:time
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        return jvm;
    }

    /**
     * With WERKBRIDGE_BENCH_JFR set to a folder: a flight recording of the system's JVM over the closed-loop window
     * ({@code <folder>/<system>.jfr}), for {@code jfr print --events jdk.ExecutionSample}.
     */
    private void record(String name, long pid) throws IOException, InterruptedException {
        String folder = System.getenv("WERKBRIDGE_BENCH_JFR");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                "JFR.start", "name=bench", "duration=" + option("duration") + "s",
                "filename=" + Path.of(folder).toAbsolutePath().resolve(name + ".jfr")).inheritIO().start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Where the slowest percent of the open loop was sent, by second of wall-clock time: a tail in one or two seconds
     * is a stall (a pause, a slow disk sync), to be matched against a GC log or the disk; a tail spread over the whole
     * run is a system near its capacity.
     */
    private static void printTail(String name, Map<String, Long> scheduled, DeliverySink sink, double p99Millis,
                                  long openStart, Instant openStartWall) {
        Map<Long, Integer> bySecond = new TreeMap<>();
        scheduled.forEach((id, at) -> {
            long delivered = sink.deliveredAt(id);
            if (delivered != 0 && (delivered - at) / 1e6 >= p99Millis) {
                bySecond.merge((at - openStart) / 1_000_000_000L, 1, Integer::sum);
            }
        });
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        StringBuilder seconds = new StringBuilder();
        bySecond.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(6)
                .forEach(e -> seconds.append(' ').append(clock.format(openStartWall.plusSeconds(e.getKey())))
                        .append(" (").append(e.getValue()).append(')'));
        System.out.printf(Locale.ROOT, "[%s] the slowest 1 %% (>= %.1f ms) was sent in %d of the open loop's seconds, most in (UTC):%s%n",
                name, p99Millis, bySecond.size(), seconds);
    }

    /** Waits until the sink has {@code expected} messages at both destinations; false (and a note) after the timeout. */
    private static boolean awaitDrained(DeliverySink sink, long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (sink.complete() < expected) {
            if (Instant.now().isAfter(deadline)) {
                System.out.printf("only %d of %d messages delivered within %s%n", sink.complete(), expected, timeout);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // --------------------------------------------------------------------------------------------- helpers

    private String report(Map<String, Result> results) {
        String row = "| %s | %.0f | %.0f | %.2f ms | %.0f | %.1f | %.1f | %.1f | %d | %s | %s / %s |%n";
        Map<String, String> names = Map.of("hub", "hub (SOAP -> gate -> ledger, records -> HTTP)",
                "peer", "fair peer (SOAP -> HTTP, plain Camel)", "bare", "bare JMS -> HTTP route");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %s, %d cores, %s; options %s%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), options));
        out.append("| system | sent/s (closed loop) | delivered/s to both (sustained) | CPU per message | achieved open-loop rate/s | "
                + "p50 ms | p99 ms | max ms | not delivered within 5 min | peak heap | load average before / after |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        results.forEach((system, r) -> out.append(String.format(Locale.ROOT, row, names.get(system), r.intakePerSecond(),
                r.deliveredPerSecond(), r.cpuMillisPerMessage(), r.achievedRate(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
                r.undelivered(), "bare".equals(system) ? "-" : r.peakHeapBytes() / (1024 * 1024) + " MB",
                r.loadBefore(), r.loadAfter())));
        Result hub = results.get("hub");
        for (String other : List.of("peer", "bare")) {
            if (hub != null && results.containsKey(other)) {
                out.append(String.format(Locale.ROOT, "%nhub / %s sustained throughput: %.0f %%; CPU per message: %.2f x%n", other,
                        100 * hub.deliveredPerSecond() / results.get(other).deliveredPerSecond(),
                        hub.cpuMillisPerMessage() / results.get(other).cpuMillisPerMessage()));
            }
        }
        return out.toString();
    }

    static Path hubJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("werkbridge-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/werkbridge-*.jar: run ./mvnw -Pbench package first"))
                    .toAbsolutePath();
        }
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
