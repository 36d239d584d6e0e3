package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.model.CanonicalJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery guarantees across the life of a hub, each on a hub of its own: a failure after the destination accepted
 * a message rolls the JMS transaction back and the broker redelivers it, but it is not sent again; and a hub that
 * stops while a slow destination is answering finishes that delivery, takes no new message, and delivers the rest
 * after its restart, each exactly once; a hub stopped while it waits for an unavailable destination rolls the waiting
 * messages back onto their queue (none dead-lettered) and delivers them once after its restart.
 */
class DeliveryLifecycleTest {

    private static final WireMockServer DESTINATIONS = new WireMockServer(wireMockConfig().dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @BeforeAll
    static void startStubs() {
        DESTINATIONS.start();
    }

    @AfterAll
    static void stopStubs() {
        DESTINATIONS.stop();
    }

    @BeforeEach
    void resetStubs() {
        DESTINATIONS.resetAll();
        DESTINATIONS.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void failureAfterTheDestinationAcceptedIsRedeliveredButNotSentAgain() throws Exception {
        DESTINATIONS.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(202)));
        try (ConfigurableApplicationContext hub = SeparateHub.start(11, data, DESTINATIONS.baseUrl())) {
            CamelContext camel = hub.getBean(CamelContext.class);
            AtomicBoolean failNext = new AtomicBoolean(true);
            // after the HTTP call: the first exchange is rolled back, so the broker redelivers the message
            AdviceWith.adviceWith(camel, "customer-master-to-shop", route -> route.weaveAddLast()
                    .process(exchange -> exchange.setRollbackOnly(failNext.getAndSet(false))));

            assertThat(SoapRequests.post(SeparateHub.port(hub),
                    SoapRequests.publishCustomer("F-1", "2026-11-20T10:15:00Z", "f@example.com", "x")).statusCode()).isEqualTo(200);

            MeterRegistry meters = hub.getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> count(meters, "werkbridge.messages.duplicates", "shop") == 1);
            assertThat(failNext).isFalse();
            assertThat(requests("/shop/customers")).hasSize(1);
            assertThat(count(meters, "werkbridge.messages.delivered", "shop")).isEqualTo(1);
            assertThat(new JdbcTemplate(hub.getBean(javax.sql.DataSource.class))
                    .queryForObject("SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop'", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void stoppingHubFinishesTheDeliveryInFlightAndKeepsTheRestForItsRestart() throws Exception {
        DESTINATIONS.stubFor(post(urlPathEqualTo("/shop/customers"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(1500)));
        List<String> numbers = IntStream.rangeClosed(1, 4).mapToObj(i -> "S-" + i).toList();
        try (ConfigurableApplicationContext first = SeparateHub.start(12, data, DESTINATIONS.baseUrl(),
                "--werkbridge.delivery.concurrent-consumers=1", "--werkbridge.delivery.max-concurrent-consumers=1")) {
            for (String number : numbers) {
                assertThat(SoapRequests.post(SeparateHub.port(first),
                        SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "s@example.com", "x")).statusCode()).isEqualTo(200);
            }
            await().atMost(WAIT).until(() -> requests("/shop/customers").size() == 1);
        } // close(): the shop answers the delivery in flight 1.5 s after it arrived
        List<String> beforeRestart = requests("/shop/customers");
        assertThat(beforeRestart).as("no new message is taken while stopping").hasSize(1);

        try (ConfigurableApplicationContext second = SeparateHub.start(12, data, DESTINATIONS.baseUrl())) {
            await().atMost(WAIT).until(() -> requests("/shop/customers").size() >= 4);
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> requests("/shop/customers").size() == 4);
            Map<String, Long> perCustomer = requests("/shop/customers").stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perCustomer).containsOnlyKeys(numbers).allSatisfy((number, times) -> assertThat(times).isEqualTo(1));
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(javax.sql.DataSource.class));
            // the slow shop answers 1.5 s after WireMock logged the request; then the delivery is recorded
            await().atMost(WAIT).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop'", Integer.class) == 4);
        }
    }

    @Test
    void hubStoppedWhileWaitingForADestinationRollsBackAndDeliversAfterItsRestart() throws Exception {
        DESTINATIONS.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(503)));
        List<String> numbers = IntStream.rangeClosed(1, 3).mapToObj(i -> "W-" + i).toList();
        try (ConfigurableApplicationContext first = SeparateHub.start(13, data, DESTINATIONS.baseUrl())) {
            for (String number : numbers) {
                assertThat(SoapRequests.post(SeparateHub.port(first),
                        SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "w@example.com", "x")).statusCode()).isEqualTo(200);
            }
            io.werkbridge.messaging.DestinationWaiting waiting = first.getBean(io.werkbridge.messaging.DestinationWaiting.class);
            await().atMost(WAIT).until(() -> waiting.state("customer-master", "shop").orElseThrow().isWaiting()
                    && requests("/shop/customers").size() > numbers.size());
        } // close(): the waiting messages stop waiting and go back onto their queue
        DESTINATIONS.stubFor(post(urlPathEqualTo("/shop/customers")).atPriority(1).willReturn(aResponse().withStatus(202)));

        try (ConfigurableApplicationContext second = SeparateHub.start(13, data, DESTINATIONS.baseUrl())) {
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(javax.sql.DataSource.class));
            await().atMost(WAIT).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop'", Integer.class) == numbers.size());
            List<String> accepted = DESTINATIONS.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals("/shop/customers") && e.getResponse().getStatus() == 202)
                    .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()).path("body").path("customerNumber").asText())
                    .toList();
            assertThat(accepted).as("each delivered once after the restart").containsExactlyInAnyOrderElementsOf(numbers);
            org.springframework.jms.core.JmsTemplate jms = new org.springframework.jms.core.JmsTemplate(
                    second.getBean(jakarta.jms.ConnectionFactory.class));
            Boolean deadLettered = jms.browse("werkbridge.customer-master.dlq",
                    (jakarta.jms.Session session, jakarta.jms.QueueBrowser browser) -> browser.getEnumeration().hasMoreElements());
            assertThat(deadLettered).as("nothing dead-lettered").isFalse();
        }
    }

    /** Customer numbers of the requests to a path, in arrival order. */
    private static List<String> requests(String path) {
        List<ServeEvent> events = new java.util.ArrayList<>(DESTINATIONS.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()).path("body").path("customerNumber").asText())
                .toList();
    }

    private static double count(MeterRegistry meters, String name, String destination) {
        Counter counter = meters.find(name).tags("flow", "customer-master", "destination", destination).counter();
        return counter == null ? 0 : counter.count();
    }
}
