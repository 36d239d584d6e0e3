package io.werkbridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The destinations of the load run: a small HTTP server that answers 202 to every POST and notes, per message id,
 * when it arrived at the shop path and at the portal path. A message counts as delivered once both have it.
 */
final class DeliverySink implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong complete = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    DeliverySink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.incrementAndGet();
        Matcher id = MESSAGE_ID.matcher(body);
        if (id.find()) {
            int slot = exchange.getRequestURI().getPath().startsWith("/shop") ? 0 : 1;
            long[] times = arrivals.computeIfAbsent(id.group(1), k -> new long[2]);
            boolean completedNow;
            synchronized (times) {
                boolean before = times[0] != 0 && times[1] != 0;
                if (times[slot] == 0) {
                    times[slot] = now;
                }
                completedNow = !before && times[0] != 0 && times[1] != 0;
            }
            if (completedNow) {
                complete.incrementAndGet();
            }
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    /** Messages both destinations have. */
    long complete() {
        return complete.get();
    }

    long requests() {
        return requests.get();
    }

    /** When the later of the two destinations got the message (System.nanoTime), or 0 while one still lacks it. */
    long deliveredAt(String messageId) {
        long[] times = arrivals.get(messageId);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            return times[0] == 0 || times[1] == 0 ? 0 : Math.max(times[0], times[1]);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
