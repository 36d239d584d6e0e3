package io.werkbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hubs (separate JVMs, the built jar, profile external-broker) on one real Apache Artemis broker and one
 * PostgreSQL database, as competing consumers. A stream of customer updates goes through both SOAP edges; mid-stream
 * the hub that has delivered more is killed (SIGKILL) and the other takes over its customers; the killed one is
 * started again, then the other is drained and stopped (SIGTERM) and the restarted one carries on alone. Every acknowledged message reaches the shop and the portal, the updates of each
 * customer in order, and both hubs delivered a share. A delivery B had made but not yet recorded when it was killed
 * is sent again, with the same Idempotency-Key (the only repeats allowed); the graceful stop repeats nothing.
 */
class ScaleOutIT {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Pattern DELIVERED = Pattern.compile(
            "^werkbridge_messages_delivered_total\\{[^}]*\\}\\s+(\\S+)$", Pattern.MULTILINE);
    private final WireMockServer destinations = Deliveries.shopAndPortal(10);
    private String schema;

    @AfterEach
    void cleanUp() throws SQLException {
        destinations.stop();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void twoHubsShareTheLoadOneStopsAndOneIsKilledMidStream() throws Exception {
        // the hubs of a scale-out share one database
        RequiredTool.assumeOrFail(postgresReachable(), "a PostgreSQL server at " + PG_URL + " (user postgres, no password)");
        schema = "wb_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        ExternalArtemis broker = ExternalArtemis.shared();
        Path work = ItPaths.workDir("scale-out");
        HubProcess a = hub("hub-a", work, broker);
        HubProcess b = hub("hub-b", work, broker);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start)).join();
        } catch (RuntimeException notStarted) {
            // a hub left running would go on consuming the shared broker's queues under the next test
            for (HubProcess hub : List.of(a, b)) {
                if (hub.isAlive()) {
                    hub.kill();
                }
            }
            throw notStarted;
        }

        // The broker shares out message groups (customers), not messages, one new group per consumer in turn: with
        // 32 consumers per queue in each hub, 60 customers reach both hubs whichever hub's consumers came first.
        List<String> customers = IntStream.range(0, 60).mapToObj(i -> String.format("SO-%03d", i)).toList();
        AtomicInteger posts = new AtomicInteger();
        AtomicReference<HubProcess> out = new AtomicReference<>();
        // the load balancer sends to the hubs in turn, to none that is out of it
        try (SoapStream stream = new SoapStream(customers, 4, 4, 16, () -> out.get() == a ? b.port() : out.get() == b ? a.port()
                : posts.incrementAndGet() % 2 == 0 ? b.port() : a.port())) {
            int expected = stream.total();
            await().atMost(Duration.ofSeconds(60)).until(() -> shopRequests() >= expected / 5);
            // the broker may have bound every customer to one hub's consumers so far: that one is killed
            double deliveredByA = delivered(a);
            double deliveredByB = delivered(b);
            HubProcess killed = deliveredByA >= deliveredByB ? a : b;
            HubProcess other = killed == a ? b : a;
            double deliveredByKilled = Math.max(deliveredByA, deliveredByB);
            out.set(killed);
            killed.kill();
            Instant killedAt = Instant.now();
            System.out.printf("scale-out: %s killed after %d of %d shop deliveries%n", killed.name(), shopRequests(), expected);
            killed.start();
            double deliveredByOther = delivered(other);
            out.set(other); // drained (the load balancer stops sending to it) and stopped
            other.stop();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                stream.check();
                return stream.done();
            });
            Set<String> accepted = stream.accepted().stream().map(SoapStream.Accepted::messageId).collect(Collectors.toSet());
            assertThat(accepted).hasSize(expected);
            await().atMost(Duration.ofSeconds(90)).until(() -> allDelivered(accepted));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> allDelivered(accepted));
            killed.stop();

            int repeats = 0;
            for (String path : List.of("/shop/customers", "/portal/customers")) {
                repeats += Deliveries.checkAcrossKills(destinations, path, accepted, stream.unacknowledged(), List.of(killedAt));
            }
            assertThat(deliveredByKilled).as("the killed hub delivered before the kill").isPositive();
            assertThat(deliveredByOther).as("the other hub delivered before it stopped").isPositive();
            assertThat(repeats).as("repeats: at most B's deliveries in flight at the kill").isLessThanOrEqualTo(2 * 32);
            System.out.printf("scale-out: %d messages, %d posts unanswered and retried; deliveries by %s before its kill: %.0f, "
                    + "by %s before its stop: %.0f; %d repeated after the kill (same Idempotency-Key)%n", expected,
                    stream.unacknowledged(), killed.name(), deliveredByKilled, other.name(), deliveredByOther, repeats);
        } finally {
            a.stop();
            b.stop();
        }
    }

    private HubProcess hub(String name, Path work, ExternalArtemis broker) {
        return new HubProcess(name, work, List.of(
                "--spring.profiles.active=external-broker,postgres",
                "--spring.artemis.broker-url=" + broker.url(),
                "--spring.artemis.user=" + ExternalArtemis.USER,
                "--spring.artemis.password=" + broker.password(),
                "--spring.datasource.url=" + PG_URL + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--werkbridge.data-dir=" + work.resolve(name + "-data"),
                "--werkbridge.destinations.shop.url=" + destinations.baseUrl() + "/shop/customers",
                "--werkbridge.destinations.portal.url=" + destinations.baseUrl() + "/portal/customers"));
    }

    private long shopRequests() {
        return destinations.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/shop/customers")).count();
    }

    private boolean allDelivered(Set<String> accepted) {
        return Deliveries.byMessageId(Deliveries.of(destinations, "/shop/customers")).keySet().containsAll(accepted)
                && Deliveries.byMessageId(Deliveries.of(destinations, "/portal/customers")).keySet().containsAll(accepted);
    }

    /** Deliveries a hub counted (shop and portal), from its Prometheus endpoint. */
    private static double delivered(HubProcess hub) throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hub.port() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + HubProcess.CLIENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        double sum = 0;
        for (Matcher m = DELIVERED.matcher(scrape.body()); m.find(); ) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
