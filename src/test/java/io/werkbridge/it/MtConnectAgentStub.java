package io.werkbridge.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.werkbridge.connector.mtconnect.AgentDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MTConnect agent for device LT250 whose part counter advances on its own: observation n (sequence n,
 * PartCount n) appears every {@code periodMillis} once {@link #run} was called, up to {@code count}, whether anyone
 * polls or not, as a machine's agent buffers them. Answers /probe, /current (the latest observation) and
 * /sample?from=&count= (the buffered ones from {@code from}), in one agent instance.
 */
final class MtConnectAgentStub implements AutoCloseable {

    private final HttpServer server;
    private final String instanceId = String.valueOf(System.nanoTime());
    private final AtomicLong last = new AtomicLong(); // the newest sequence; 0: none yet
    private final List<Long> currents = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    MtConnectAgentStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/LT250/probe", e -> answer(e, AgentDocuments.devices(instanceId, "exec", "partcount", "system", "operator")));
        server.createContext("/LT250/current", e -> {
            long newest = last.get();
            currents.add(newest);
            answer(e, newest == 0
                    ? AgentDocuments.streams(instanceId, 1, 1, 0)
                    : AgentDocuments.streams(instanceId, 1, newest + 1, newest, observation(newest)));
        });
        server.createContext("/LT250/sample", this::sample);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts the part counter: one observation every periodMillis until count. */
    void run(int count, long periodMillis) {
        clock.scheduleAtFixedRate(() -> {
            if (last.get() < count) {
                last.incrementAndGet();
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    long last() {
        return last.get();
    }

    /** The newest sequence at each /current request (a hub starts there: what was before is the past, not sent). */
    List<Long> currents() {
        return List.copyOf(currents);
    }

    private void sample(HttpExchange exchange) throws IOException {
        long from = 1;
        int max = 100;
        String query = URI.create(exchange.getRequestURI().toString()).getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("from")) {
                from = Long.parseLong(kv[1]);
            } else if (kv[0].equals("count")) {
                max = Integer.parseInt(kv[1]);
            }
        }
        long newest = last.get();
        List<String> events = new ArrayList<>();
        long next = from;
        for (; next <= newest && events.size() < max; next++) {
            events.add(observation(next));
        }
        answer(exchange, AgentDocuments.streams(instanceId, 1, next, newest, events.toArray(String[]::new)));
    }

    private static String observation(long sequence) {
        return AgentDocuments.event("PartCount", "partcount", sequence, String.valueOf(sequence));
    }

    private static void answer(HttpExchange exchange, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        server.stop(0);
    }
}
