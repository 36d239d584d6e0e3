package io.werkbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hub (its own JVM, default mode: embedded broker journal and H2 in its data directory) is killed with SIGKILL
 * three times while it takes in and delivers a stream of customer updates, and restarted each time. Every update
 * acknowledged at the SOAP edge reaches the shop and the portal; no delivery the hub had recorded is sent again.
 *
 * <p>A kill can fall between a destination's answer and the hub's record of it: that message is then sent once more
 * after the restart, with the same Idempotency-Key, so a destination honouring the key applies it once. No protocol
 * can close this window against a destination that does not take part (the hub cannot know whether the answer it
 * never read was sent). The test checks that every repeat is of this kind: its first copy arrived before a kill and
 * the repeat after the restart, never two copies within one lifetime of the hub, and at most one per consumer.
 */
class CrashIT {

    private static final int KILLS = 3;
    private static final int CONSUMERS_PER_DESTINATION = 2;
    private final WireMockServer destinations = Deliveries.shopAndPortal(15);

    @AfterEach
    void stopDestinations() {
        destinations.stop();
    }

    @Test
    void everyAcknowledgedUpdateIsDeliveredOnceAcrossKills() throws Exception {
        Path work = ItPaths.workDir("crash");
        HubProcess hub = new HubProcess("hub", work, List.of(
                "--werkbridge.data-dir=" + work.resolve("data"),
                "--werkbridge.broker.tcp-enabled=false",
                "--werkbridge.delivery.concurrent-consumers=" + CONSUMERS_PER_DESTINATION,
                "--werkbridge.destinations.shop.url=" + destinations.baseUrl() + "/shop/customers",
                "--werkbridge.destinations.portal.url=" + destinations.baseUrl() + "/portal/customers"));
        hub.start();
        List<String> customers = IntStream.range(0, 10).mapToObj(i -> String.format("CR-%03d", i)).toList();
        List<Instant> kills = new ArrayList<>();
        try (SoapStream stream = new SoapStream(customers, 20, 2, 40, hub::port)) {
            int expectedDeliveries = 2 * stream.total();
            for (int k = 1; k <= KILLS; k++) {
                int killAt = expectedDeliveries * k / (KILLS + 1);
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    stream.check();
                    return requests() >= killAt;
                });
                hub.kill();
                // the kill's moment is when the process is gone: SIGKILL takes a few ms, in which it may still deliver
                kills.add(Instant.now());
                System.out.printf("crash: kill %d after %d of %d deliveries, %d updates acknowledged%n",
                        k, requests(), expectedDeliveries, stream.accepted().size());
                hub.start();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                stream.check();
                return stream.done();
            });
            Set<String> accepted = stream.accepted().stream().map(SoapStream.Accepted::messageId).collect(Collectors.toSet());
            assertThat(accepted).hasSize(stream.total());
            await().atMost(Duration.ofSeconds(120)).until(() -> deliveredIds("/shop/customers").containsAll(accepted)
                    && deliveredIds("/portal/customers").containsAll(accepted));
            hub.stop();

            int repeats = 0;
            for (String path : List.of("/shop/customers", "/portal/customers")) {
                repeats += Deliveries.checkAcrossKills(destinations, path, accepted, stream.unacknowledged(), kills);
            }
            assertThat(repeats).as("repeats: at most the deliveries in flight at the kills")
                    .isLessThanOrEqualTo(KILLS * CONSUMERS_PER_DESTINATION * 2);
            System.out.printf("crash: %d updates acknowledged, %d posts unanswered and retried, %d kills, %d hub starts, "
                    + "%d deliveries repeated after a kill (same Idempotency-Key)%n",
                    accepted.size(), stream.unacknowledged(), KILLS, hub.starts(), repeats);
        } finally {
            hub.stop();
        }
    }

    private long requests() {
        return destinations.getAllServeEvents().size();
    }

    private Set<String> deliveredIds(String path) {
        return Deliveries.byMessageId(Deliveries.of(destinations, path)).keySet();
    }
}
