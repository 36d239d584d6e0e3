package io.werkbridge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.connector.serial.SocatPtyPair;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every flow's intake and delivery across SIGKILLs of the hub (its own JVM, default mode: embedded broker journal
 * and H2 in its data directory), all flows at once in one hub, killed three times and restarted each time:
 *
 * <ul>
 *   <li>the ERP inbox: a file of 100 DEBMAS IDocs; the hub is killed while it reads it (some of its customers already
 *       delivered, the file not yet moved to done/), twice, and reads the file again after the restart;</li>
 *   <li>invoices: UBL documents posted to /api/v1/erp/ubl, a post without an answer sent again, as the ERP does;</li>
 *   <li>orders: shop orders (/api/v1/shop/orders) sent to the ERP's createSalesOrder (WireMock);</li>
 *   <li>machine data: an MTConnect agent whose part counter runs on while the hub is down, and a machine on a serial
 *       line (socat pseudo-terminals) that keeps sending telegrams while the hub is down.</li>
 * </ul>
 *
 * <p>Afterwards each message reached each of its destinations, every copy of one message with the same
 * Idempotency-Key (the only duplicates allowed: deliveries in flight at a kill, sent again after the restart), and
 * machine events in the order the machine reported them.
 */
class FlowCrashIT {

    private static final int CONSUMERS = 4;
    private static final int IDOCS_PER_FILE = 100;
    private static final int INVOICES = 60;
    private static final int ORDERS = 60;
    private static final int OBSERVATIONS = 120;
    /**
     * The press's telegrams, one every TELEGRAM_PERIOD_MILLIS, about 40 bytes each: all of them together stay below the
     * about 4 KB of what was sent during an outage that the reopened port gave back in a run with 120 telegrams (the
     * rest was lost on the line, as on a UART without flow control, not in the hub).
     */
    private static final int TELEGRAMS = 40;
    private static final long TELEGRAM_PERIOD_MILLIS = 1500;
    /** Between two invoices, two orders, two MTConnect observations: the feeds last about half a minute to a minute. */
    private static final long PERIOD_MILLIS = 400;
    private static final Pattern SOAP_KEY = Pattern.compile("<(?:\\w+:)?idempotencyKey>([^<]+)</");
    private static final Pattern SOAP_ORDER = Pattern.compile("<(?:\\w+:)?orderNumber>([^<]+)</");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final WireMockServer peers = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(60));
    private final List<Instant> kills = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void peers() {
        peers.start();
        peers.stubFor(post(urlPathMatching("/(shop|portal)/.*|/erp/machine-events|/app/push|/maps/.*"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(5)));
        peers.stubFor(post(urlPathEqualTo("/erp/services")).withHeader("SOAPAction", containing("createSalesOrder"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                                + "xmlns:e=\"urn:werkbridge:erp:services:1\"><soap:Body><e:documentAck><e:idempotencyKey>"
                                + "{{xPath request.body '//*[local-name()=\"idempotencyKey\"]/text()'}}</e:idempotencyKey>"
                                + "<e:documentNumber>SO-1</e:documentNumber><e:status>created</e:status></e:documentAck>"
                                + "</soap:Body></soap:Envelope>")
                        .withTransformers("response-template").withFixedDelay(5)));
    }

    @AfterEach
    void stopPeers() {
        peers.stop();
    }

    @Test
    void everyFlowLosesNothingAcrossKills() throws Exception {
        RequiredTool.assumeOrFail(Files.isExecutable(Path.of(SocatPtyPair.SOCAT)), "socat at /usr/bin/socat (apt-get install socat)");
        Path work = ItPaths.workDir("flow-crash");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path machines = Files.createDirectories(work.resolve("machines"));
        for (String file : List.of("test-lathe-mtconnect.yml", "test-press-serial.yml")) {
            Files.copy(Path.of("src/test/resources/test-machines", file), machines.resolve(file));
        }
        ExecutorService feeds = Executors.newFixedThreadPool(4);
        try (SocatPtyPair cable = SocatPtyPair.plug(work.resolve("press-hub"), work.resolve("press-machine"));
             MtConnectAgentStub agent = new MtConnectAgentStub()) {
            HubProcess hub = new HubProcess("hub", work, List.of(
                    "--werkbridge.data-dir=" + work.resolve("data"),
                    "--werkbridge.broker.tcp-enabled=false",
                    "--werkbridge.delivery.concurrent-consumers=" + CONSUMERS,
                    "--werkbridge.delivery.max-concurrent-consumers=" + CONSUMERS,
                    "--werkbridge.security.users.shop.password={noop}" + HubProcess.CLIENT_PASSWORD,
                    "--werkbridge.security.users.shop.roles=SHOP",
                    "--werkbridge.erp.inbox=" + inbox,
                    "--werkbridge.erp.inbox-poll-interval=200",
                    "--werkbridge.erp.inbox-min-age=200",
                    "--werkbridge.machines.location=file:" + machines + "/",
                    "--werkbridge.test.mtconnect-agent=" + agent.baseUrl(),
                    "--werkbridge.test.serial-port=" + cable.linkA(),
                    "--werkbridge.destinations.shop.url=" + peers.baseUrl() + "/shop/customers",
                    "--werkbridge.destinations.portal.url=" + peers.baseUrl() + "/portal/customers",
                    "--werkbridge.destinations.portal.invoice-url=" + peers.baseUrl() + "/portal/invoices",
                    "--werkbridge.destinations.portal.machine-url=" + peers.baseUrl() + "/portal/machine-events",
                    "--werkbridge.destinations.erp.machine-url=" + peers.baseUrl() + "/erp/machine-events",
                    "--werkbridge.destinations.app.url=" + peers.baseUrl() + "/app/push",
                    "--werkbridge.destinations.maps.url=" + peers.baseUrl() + "/maps/machine-locations",
                    "--werkbridge.destinations.erp.url=" + peers.baseUrl() + "/erp/services"));
            hub.start();
            try {
                agent.run(OBSERVATIONS, PERIOD_MILLIS);
                Feed invoices = new Feed(INVOICES, i -> send(hub.port(), "/api/v1/erp/ubl", "erp", "application/xml", invoice(i)));
                Feed orders = new Feed(ORDERS, i -> send(hub.port(), "/api/v1/shop/orders", "shop", "application/json", order(i)));
                List<Future<?>> running = new ArrayList<>(List.of(feeds.submit(invoices), feeds.submit(orders),
                        feeds.submit(() -> telegrams(cable.linkB()))));

                int midFile = 0;
                for (int file = 1; file <= 2; file++) {
                    midFile += killWhileReading(hub, inbox, file) ? 1 : 0;
                    hub.start();
                }
                // the third kill once the restarted hub is at work again: the inbox file read, deliveries going on. A
                // fast hub may have delivered its backlog before the file was done: then it is killed with what is left
                int before = peers.getAllServeEvents().size();
                await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(inbox.resolve("done/customers-2.xml")));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (peers.getAllServeEvents().size() < before + 100 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                kill(hub, "delivering the backlog and the feeds");
                hub.start();

                for (Future<?> feed : running) {
                    feed.get(3, java.util.concurrent.TimeUnit.MINUTES);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> agent.last() == OBSERVATIONS);
                long firstObservation = Math.max(1, agent.currents().get(0));
                long observations = OBSERVATIONS - firstObservation + 1;
                String expected = progress(2 * IDOCS_PER_FILE, INVOICES, ORDERS, observations, TELEGRAMS);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(progress(customers("/shop/customers").size(), invoices().size(), orderKeys().size(),
                                counters("/portal/machine-events", "mtconnect").size(), counters("/portal/machine-events", "serial").size())
                                + "; portal customers, ERP machine events: " + progress(customers("/portal/customers").size(), INVOICES, ORDERS,
                                counters("/erp/machine-events", "mtconnect").size(), counters("/erp/machine-events", "serial").size()))
                                .isEqualTo(expected + "; portal customers, ERP machine events: " + progress(2 * IDOCS_PER_FILE, INVOICES, ORDERS, observations, TELEGRAMS)));
                hub.stop();

                assertThat(midFile).as("kills while the hub was reading an inbox file").isEqualTo(2);
                assertThat(agent.currents()).as("the hub resumed from its stored MTConnect position, never from /current again")
                        .hasSize(1);
                int repeats = 0;
                for (String path : List.of("/shop/customers", "/portal/customers")) {
                    repeats += sameKeyOnly(path, customers(path));
                }
                repeats += sameKeyOnly("/portal/invoices", invoices());
                Map<String, List<Copy>> orderCopies = orderKeys();
                for (Map.Entry<String, List<Copy>> order : orderCopies.entrySet()) {
                    // a new key only where the shop's post got no answer and was sent again (a new message to the hub)
                    long keys = order.getValue().stream().map(Copy::key).distinct().count();
                    assertThat(keys).as("keys of " + order.getKey()).isLessThanOrEqualTo(1 + orders.unanswered(Integer.parseInt(order.getKey().substring("ORD-CRASH-".length()))));
                }
                repeats += orderCopies.values().stream().mapToInt(c -> c.size() - (int) c.stream().map(Copy::key).distinct().count()).sum();
                for (String path : List.of("/portal/machine-events", "/erp/machine-events")) {
                    for (String protocol : List.of("mtconnect", "serial")) {
                        Map<String, List<Copy>> counters = counters(path, protocol);
                        repeats += sameKeyOnly(path + " " + protocol, counters);
                        assertThat(partCounts(path, protocol)).as(path + " " + protocol + " events in the machine's order").isSorted();
                    }
                }
                assertThat(counters("/portal/machine-events", "mtconnect").keySet().stream().mapToLong(Long::parseLong).min())
                        .hasValue(firstObservation);
                assertThat(repeats).as("repeats: at most the deliveries in flight at the kills")
                        .isLessThanOrEqualTo(kills.size() * CONSUMERS * 8);
                System.out.printf("flow-crash: %d kills (%d while reading an inbox file), %d hub starts; %d IDocs, %d invoices "
                                + "(%d posts sent again for want of an answer), %d orders (%d sent again), %d MTConnect "
                                + "observations, %d serial telegrams; %d deliveries repeated after a kill (same Idempotency-Key)%n",
                        kills.size(), midFile, hub.starts(), 2 * IDOCS_PER_FILE, INVOICES, invoices.unanswered(), ORDERS,
                        orders.unanswered(), OBSERVATIONS - firstObservation + 1, TELEGRAMS, repeats);
            } finally {
                hub.stop();
            }
        } finally {
            feeds.shutdownNow();
        }
    }

    /**
     * Drops a file of IDocs into the inbox and kills the hub while it works on it: the first time once the first of its
     * customers reached the shop (the file half published), the second time as soon as the hub took the file (Camel's
     * lock marker appeared: it is being checked or read).
     *
     * @return whether the file was still being read at the kill (not yet moved to done/)
     */
    private boolean killWhileReading(HubProcess hub, Path inbox, int file) throws IOException {
        String name = "customers-" + file + ".xml";
        Path tmp = inbox.resolve(name + ".tmp");
        Files.writeString(tmp, debmas(file), StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String customers = "\"customerNumber\":\"9" + file;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2)).until(() -> file == 1
                ? peers.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().equals("/shop/customers")
                        && e.getRequest().getBodyAsString().contains(customers))
                : Files.exists(inbox.resolve(name + ".camelLock")));
        kill(hub, "reading " + name);
        long before = customers("/shop/customers").keySet().stream().filter(c -> c.startsWith("9" + file)).count();
        System.out.printf("flow-crash: %d of the file's %d customers had reached the shop%n", before, IDOCS_PER_FILE);
        return Files.exists(inbox.resolve(name)) && !Files.exists(inbox.resolve("done").resolve(name));
    }

    private void kill(HubProcess hub, String when) {
        hub.kill();
        kills.add(Instant.now());
        System.out.printf("flow-crash: kill %d while %s, after %d deliveries%n", kills.size(), when, peers.getAllServeEvents().size());
    }

    /** What arrived, by flow: customers (shop), invoices, orders, MTConnect and serial part counts (portal). */
    private static String progress(long customers, long invoices, long orders, long mtconnect, long serial) {
        return "customers " + customers + ", invoices " + invoices + ", orders " + orders + ", MTConnect observations "
                + mtconnect + ", serial telegrams " + serial;
    }

    /** Every copy of one message carries the one key; returns the number of repeats. */
    private static int sameKeyOnly(String what, Map<String, List<Copy>> copies) {
        int repeats = 0;
        for (Map.Entry<String, List<Copy>> entry : copies.entrySet()) {
            assertThat(entry.getValue()).as(what + " " + entry.getKey() + ": header Idempotency-Key is the message id")
                    .allSatisfy(c -> assertThat(c.key()).isEqualTo(c.messageId()));
            assertThat(entry.getValue().stream().map(Copy::key).distinct()).as(what + " " + entry.getKey() + ": one key")
                    .hasSize(1);
            repeats += entry.getValue().size() - 1;
        }
        return repeats;
    }

    /** One request a destination received: the entity it is about, the body's message id and the Idempotency-Key. */
    private record Copy(String entity, String messageId, String key, Instant receivedAt) {
    }

    private List<ServeEvent> received(String path) {
        List<ServeEvent> events = new ArrayList<>(peers.getAllServeEvents());
        Collections.reverse(events); // oldest first, so that a stable sort keeps requests of one millisecond in order
        events.removeIf(e -> !e.getRequest().getUrl().equals(path));
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        return events;
    }

    /** JSON deliveries at a path that {@code which} selects, by the entity {@code entity} names in the canonical message. */
    private Map<String, List<Copy>> copies(String path, Predicate<JsonNode> which, Function<JsonNode, String> entity) {
        Map<String, List<Copy>> byEntity = new TreeMap<>();
        for (ServeEvent e : received(path)) {
            JsonNode message = CanonicalJson.read(e.getRequest().getBodyAsString());
            if (which.test(message)) {
                byEntity.computeIfAbsent(entity.apply(message), k -> new ArrayList<>()).add(new Copy(entity.apply(message),
                        message.path("messageId").asText(), e.getRequest().getHeader("Idempotency-Key"),
                        e.getRequest().getLoggedDate().toInstant()));
            }
        }
        return byEntity;
    }

    private Map<String, List<Copy>> customers(String path) {
        return copies(path, m -> true, m -> m.path("body").path("customerNumber").asText());
    }

    private Map<String, List<Copy>> invoices() {
        return copies("/portal/invoices", m -> true, m -> m.path("body").path("invoiceNumber").asText());
    }

    private static Predicate<JsonNode> counterOf(String protocol) {
        return m -> protocol.equals(m.path("body").path("origin").path("protocol").asText())
                && m.path("body").path("values").has("partCount");
    }

    /** A machine's counter events at a path, by part count. */
    private Map<String, List<Copy>> counters(String path, String protocol) {
        return copies(path, counterOf(protocol), m -> m.path("body").path("values").path("partCount").asText());
    }

    /** The part counts of a machine's counter events, in the order they arrived. */
    private List<Long> partCounts(String path, String protocol) {
        return received(path).stream().map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(counterOf(protocol)).map(m -> m.path("body").path("values").path("partCount").asLong()).toList();
    }

    /** Sales orders at the ERP by order number, the SOAP body's idempotencyKey as the key. */
    private Map<String, List<Copy>> orderKeys() {
        Map<String, List<Copy>> byOrder = new TreeMap<>();
        for (ServeEvent e : received("/erp/services")) {
            String body = e.getRequest().getBodyAsString();
            Matcher order = SOAP_ORDER.matcher(body);
            Matcher key = SOAP_KEY.matcher(body);
            if (order.find() && key.find()) {
                byOrder.computeIfAbsent(order.group(1), k -> new ArrayList<>()).add(new Copy(order.group(1), key.group(1),
                        key.group(1), e.getRequest().getLoggedDate().toInstant()));
            }
        }
        return byOrder;
    }

    // ---- the producers ----

    /**
     * Posts count documents one after another, one every PERIOD_MILLIS; a post without an acknowledgement (the hub
     * down or starting) is sent again until one comes, as a partner system does.
     */
    private static final class Feed implements Runnable {

        private final int count;
        private final IntFunction<Optional<String>> send;
        private final Map<Integer, Integer> unanswered = new ConcurrentHashMap<>();

        Feed(int count, IntFunction<Optional<String>> send) {
            this.count = count;
            this.send = send;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                pause(start + i * PERIOD_MILLIS * 1_000_000L - System.nanoTime());
                while (send.apply(i).isEmpty()) {
                    unanswered.merge(i, 1, Integer::sum);
                    pause(200_000_000L);
                }
            }
        }

        /** How often item i was posted without an answer. */
        int unanswered(int i) {
            return unanswered.getOrDefault(i, 0);
        }

        int unanswered() {
            return unanswered.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The acknowledged message id, or empty when the hub gave no acknowledgement (down, starting, reset). */
    private static Optional<String> send(int port, String path, String user, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + HubProcess.CLIENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202
                    ? Optional.of(CanonicalJson.read(response.body()).path("messageId").asText()) : Optional.empty();
        } catch (IOException unreachable) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The press writes telegram n (PARTS=n) every TELEGRAM_PERIOD_MILLIS, whether the hub reads or not (the line keeps them). */
    private static void telegrams(Path machineEnd) {
        long start = System.nanoTime();
        try (OutputStream line = Files.newOutputStream(machineEnd)) {
            for (int n = 1; n <= TELEGRAMS; n++) {
                pause(start + n * TELEGRAM_PERIOD_MILLIS * 1_000_000L - System.nanoTime());
                byte[] payload = ("PARTS=" + n + ";TS=" + Instant.parse("2026-11-20T10:00:00Z").plusSeconds(n))
                        .getBytes(StandardCharsets.US_ASCII);
                byte bcc = 0x03;
                for (byte b : payload) {
                    bcc ^= b;
                }
                byte[] frame = new byte[payload.length + 3];
                frame[0] = 0x02;
                System.arraycopy(payload, 0, frame, 1, payload.length);
                frame[payload.length + 1] = 0x03;
                frame[payload.length + 2] = bcc;
                line.write(frame);
                line.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the documents (synthetic) ----

    private static String customerNumber(int file, int i) {
        return String.format("9%d%04d", file, i);
    }

    /** A DEBMAS06 file of IDOCS_PER_FILE IDocs, one company customer each (from the test fixture). */
    private static String debmas(int file) throws IOException {
        String fixture = Files.readString(Path.of("src/test/resources/erp/debmas06-customer.xml"), StandardCharsets.UTF_8);
        String idoc = fixture.substring(fixture.indexOf("<IDOC "), fixture.indexOf("</IDOC>") + "</IDOC>".length());
        String idocs = IntStream.range(0, IDOCS_PER_FILE).mapToObj(i -> idoc
                        .replace("<DOCNUM>0000000004711001</DOCNUM>", String.format("<DOCNUM>%016d</DOCNUM>", file * 100_000L + i))
                        .replace("<KUNNR>0000100234</KUNNR>", "<KUNNR>000" + customerNumber(file, i) + "</KUNNR>"))
                .collect(Collectors.joining("\n"));
        return fixture.substring(0, fixture.indexOf("<IDOC ")) + idocs + fixture.substring(fixture.indexOf("</IDOC>") + "</IDOC>".length());
    }

    private static String invoice(int i) {
        try {
            return Files.readString(Path.of("src/test/resources/erp/ubl-invoice.xml"), StandardCharsets.UTF_8)
                    .replace("RE-2026-0815", String.format("RE-CRASH-%03d", i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String order(int i) {
        return """
                {"orderNumber":"ORD-CRASH-%03d","customerNumber":"100234",
                 "orderedBy":{"name":"Erika Beispiel","email":"erika@example.com"},
                 "lines":[{"partNumber":"DMU-50-3","quantity":%d,"unitPrice":99.9}],
                 "shippingAddress":{"street":"Weg 1","postalCode":"33602","city":"Bielefeld","country":"DE"}}"""
                .formatted(i, i + 1);
    }
}
