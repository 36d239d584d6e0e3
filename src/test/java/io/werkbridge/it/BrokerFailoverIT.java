package io.werkbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hub (its own JVM, profile external-broker) on a primary/backup pair of the real Artemis 2.40 distribution with
 * replication, connected by the failover URL docs/operations.md gives. Mid-stream the primary is killed (SIGKILL);
 * the backup takes over and the hub carries on on it without a restart. Every acknowledged update reaches the shop
 * and the portal, in order per customer; a repeat (a delivery whose acknowledgement the dead primary never recorded)
 * carries the same Idempotency-Key as its first copy.
 */
class BrokerFailoverIT {

    private static final int CONSUMERS_PER_DESTINATION = 4;
    private final WireMockServer destinations = Deliveries.shopAndPortal(10);

    @AfterEach
    void stopDestinations() {
        destinations.stop();
    }

    @Test
    void theHubFailsOverToTheBackupWhenThePrimaryIsKilled() throws Exception {
        ExternalArtemis.Pair brokers = ExternalArtemis.replicatedPair();
        Path work = ItPaths.workDir("broker-failover");
        HubProcess hub = new HubProcess("hub", work, List.of(
                "--spring.profiles.active=external-broker",
                "--spring.artemis.broker-url=" + brokers.failoverUrl(),
                "--spring.artemis.user=" + ExternalArtemis.USER,
                "--spring.artemis.password=" + brokers.primary().password(),
                "--werkbridge.data-dir=" + work.resolve("data"),
                "--werkbridge.delivery.concurrent-consumers=" + CONSUMERS_PER_DESTINATION,
                "--werkbridge.delivery.max-concurrent-consumers=" + CONSUMERS_PER_DESTINATION,
                "--werkbridge.destinations.shop.url=" + destinations.baseUrl() + "/shop/customers",
                "--werkbridge.destinations.portal.url=" + destinations.baseUrl() + "/portal/customers"));
        hub.start();
        List<String> customers = IntStream.range(0, 20).mapToObj(i -> String.format("FO-%03d", i)).toList();
        try (SoapStream stream = new SoapStream(customers, 10, 4, 40, hub::port)) {
            int expectedDeliveries = 2 * stream.total();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                stream.check();
                return destinations.getAllServeEvents().size() >= expectedDeliveries * 2 / 5;
            });
            brokers.primary().kill();
            Instant killed = Instant.now();
            System.out.printf("broker-failover: primary killed after %d of %d deliveries%n",
                    destinations.getAllServeEvents().size(), expectedDeliveries);
            await("the backup active").atMost(Duration.ofSeconds(30)).until(() -> brokers.backup().logged("AMQ221007"));

            await().atMost(Duration.ofSeconds(120)).until(() -> {
                stream.check();
                return stream.done();
            });
            Set<String> accepted = stream.accepted().stream().map(SoapStream.Accepted::messageId).collect(Collectors.toSet());
            assertThat(accepted).hasSize(stream.total());
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveredIds("/shop/customers").containsAll(accepted)
                    && deliveredIds("/portal/customers").containsAll(accepted));
            assertThat(hub.isAlive()).as("the hub carried on without a restart").isTrue();
            assertThat(hub.starts()).isEqualTo(1);
            hub.stop();

            int repeats = 0;
            for (String path : List.of("/shop/customers", "/portal/customers")) {
                repeats += Deliveries.checkAcrossKills(destinations, path, accepted, stream.unacknowledged(), List.of(killed));
            }
            assertThat(repeats).as("repeats: at most the deliveries in flight at the kill")
                    .isLessThanOrEqualTo(2 * CONSUMERS_PER_DESTINATION);
            System.out.printf("broker-failover: %d updates acknowledged, %d posts unanswered and retried, "
                    + "%d deliveries repeated after the failover (same Idempotency-Key)%n",
                    accepted.size(), stream.unacknowledged(), repeats);
        } finally {
            hub.stop();
        }
    }

    private Set<String> deliveredIds(String path) {
        return Deliveries.byMessageId(Deliveries.of(destinations, path)).keySet();
    }
}
