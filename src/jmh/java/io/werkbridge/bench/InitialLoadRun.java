package io.werkbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.werkbridge.connector.erp.idoc.DebmasFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The initial load measured (not part of {@code verify}; docs/benchmarks.md): a file of {@code customers} synthetic
 * DEBMAS06 IDocs (100,000) dropped into the hub's initial-load folder; the hub runs from its jar with -Xmx512m, the
 * load driver's sink as shop and portal. Reports the time until the whole file was queued (the load's state at
 * {@code GET /api/v1/operations/initial-loads}), the time until both destinations had every customer, and the hub's
 * peak heap in use.
 *
 * <p>Arguments ({@code key=value}): customers (100000), db ({@code h2} or {@code postgres}), consumers (32),
 * max-consumers (32).
 */
public final class InitialLoadRun {

    private InitialLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("customers", "100000", "db", "h2", "consumers", "32",
                "max-consumers", "32"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !options.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; keys: " + options.keySet());
            }
            options.put(kv[0], kv[1]);
        }
        int customers = Integer.parseInt(options.get("customers"));
        Path work = Files.createDirectories(Path.of("target", "bench", "initial-load-" + System.currentTimeMillis())).toAbsolutePath();
        Path file = work.resolve("debmas-initial-load.xml");
        DebmasFiles.write(file, "5", customers);
        System.out.printf(Locale.ROOT, "%d IDocs, %d MB%n", customers, Files.size(file) / (1024 * 1024));

        try (DeliverySink sink = new DeliverySink()) {
            int port = EndToEndLoad.freePort();
            try (ChildJvm hub = EndToEndLoad.startHub(work, port, sink, options)) {
                hub.awaitReady(() -> ChildJvm.answers("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofMinutes(8));
                HeapWatch heap = new HeapWatch(hub.pid());
                String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
                Path folder = Files.createDirectories(work.resolve("hub-data").resolve("erp-inbox").resolve("initial-load"));
                // staged under a hidden name in the same folder, then renamed: the hub never sees a half-written file
                Path staged = folder.resolve(".debmas-initial-load.xml");
                Files.copy(file, staged);
                long start = System.nanoTime();
                Files.move(staged, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                double queued = Double.NaN;
                double delivered = Double.NaN;
                JsonNode last = null;
                Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
                while (Instant.now().isBefore(deadline) && (Double.isNaN(queued) || Double.isNaN(delivered))) {
                    TimeUnit.MILLISECONDS.sleep(250);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    JsonNode loads = loads(port);
                    last = loads.size() == 0 ? last : loads.get(0);
                    if (Double.isNaN(queued) && last != null && "DONE".equals(last.path("state").asText())) {
                        queued = seconds;
                    }
                    if (Double.isNaN(delivered) && sink.complete() >= customers) {
                        delivered = seconds;
                    }
                    if (Math.round(seconds * 4) % 40 == 0) {
                        System.out.printf(Locale.ROOT, "%5.0f s: load %s, %d delivered to both%n", seconds,
                                last == null ? "not started" : last.path("state").asText() + " " + last.path("items").asLong()
                                        + " queued", sink.complete());
                    }
                }
                heap.close();
                String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
                System.out.printf(Locale.ROOT, "%nRun %s, %s; options %s; load average before/after: %s / %s%n"
                                + "| customers | queued (file read, all on the broker) | delivered to shop and portal | peak heap in use |%n"
                                + "|---:|---|---|---|%n| %d | %.1f s (%.0f/s) | %.1f s (%.0f/s) | %d MB of 512 MB |%n"
                                + "last progress: %s; refused %d; not delivered: %d%n",
                        Instant.now(), System.getProperty("java.vm.version"), options, loadBefore, loadAfter, customers,
                        queued, customers / queued, delivered, customers / delivered, heap.peak() / (1024 * 1024),
                        last, last == null ? -1 : last.path("refused").asLong(), customers - sink.complete());
            }
        }
    }

    private static JsonNode loads(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/operations/initial-loads"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + EndToEndLoad.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
