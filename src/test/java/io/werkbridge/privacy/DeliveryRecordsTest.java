package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.werkbridge.messaging.DeliveryLedger;
import io.werkbridge.messaging.DeliveryRecordException;
import io.werkbridge.messaging.DeliveryRecords;
import io.werkbridge.messaging.FlowQueue;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.DisclosureVerifier;
import io.werkbridge.privacy.audit.PendingDisclosure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery records' group commit against a real database (H2 with the hub's migrations): concurrent deliveries
 * are all recorded, the disclosure chain stays intact, and a record the database refuses fails only its own delivery.
 */
class DeliveryRecordsTest {

    private static final FlowQueue SHOP = new FlowQueue("customer-master", "shop", FlowQueue.Kind.DESTINATION);
    private final AtomicInteger counted = new AtomicInteger();
    private DriverManagerDataSource db;
    private JdbcTemplate jdbc;
    private DisclosureLog log;
    private DeliveryRecords records;
    private final DistributionSummary batches = DistributionSummary.builder("batch").register(new SimpleMeterRegistry());

    @BeforeEach
    void database() {
        db = new DriverManagerDataSource("jdbc:h2:mem:records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
        log = new DisclosureLog(db);
        records = new DeliveryRecords(new DeliveryLedger(jdbc), log,
                new TransactionTemplate(new DataSourceTransactionManager(db)), Duration.ofSeconds(10), Duration.ofMillis(5), batches);
    }

    @AfterEach
    void close() throws InterruptedException {
        records.close();
    }

    @Test
    void concurrentDeliveriesAreAllRecordedAndTheChainHolds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String messageId = "m-" + i;
            done.add(threads.submit(() -> records.record(SHOP, messageId, Instant.now(), pending(messageId))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        assertThat(count("delivered_message")).isEqualTo(400);
        assertThat(count("disclosure")).isEqualTo(400);
        assertThat(counted).hasValue(400);
        assertThat(new DisclosureVerifier(db).verify().intact()).isTrue();
        assertThat(batches.totalAmount()).as("every delivery was in one recorded batch").isEqualTo(400.0);
        assertThat(batches.count()).as("commits").isBetween(1L, 400L);
        // recorded again (a redelivery racing its own record): no second ledger row, no error
        records.record(SHOP, "m-1", Instant.now(), null);
        assertThat(count("delivered_message")).isEqualTo(400);
    }

    @Test
    void aRecordTheDatabaseRefusesFailsOnlyItsOwnDelivery() throws Exception {
        // a disclosure of a different message id shape than the column allows is refused by the database
        String tooLong = "x".repeat(200);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> good = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String messageId = "g-" + i;
            good.add(threads.submit(() -> records.record(SHOP, messageId, Instant.now(), pending(messageId))));
        }
        Future<?> bad = threads.submit(() -> records.record(SHOP, "b-1", Instant.now(), pending(tooLong)));
        for (Future<?> f : good) {
            f.get();
        }
        threads.shutdown();
        assertThatThrownBy(bad::get).hasCauseInstanceOf(DeliveryRecordException.class)
                .hasMessageContaining("could not be written");
        assertThat(count("disclosure")).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = 'b-1'", Integer.class)).isZero();
        assertThat(new DisclosureVerifier(db).verify().intact()).isTrue();
    }

    @Test
    void recordsArrivingWithinTheLingerShareOneCommit() throws Exception {
        DistributionSummary lingering = DistributionSummary.builder("batch").register(new SimpleMeterRegistry());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (DeliveryRecords patient = new DeliveryRecords(new DeliveryLedger(jdbc), log,
                new TransactionTemplate(new DataSourceTransactionManager(db)), Duration.ofSeconds(10), Duration.ofMillis(500),
                lingering)) {
            Future<?> first = threads.submit(() -> patient.record(SHOP, "l-1", Instant.now(), pending("l-1")));
            Thread.sleep(50);
            Future<?> second = threads.submit(() -> patient.record(SHOP, "l-2", Instant.now(), pending("l-2")));
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }

        assertThat(lingering.count()).as("commits").isEqualTo(1);
        assertThat(lingering.totalAmount()).as("records in them").isEqualTo(2.0);
        assertThat(count("delivered_message")).isEqualTo(2);
        assertThat(count("disclosure")).isEqualTo(2);
    }

    @Test
    void aLingerLongerThanASecondIsRefused() {
        assertThatThrownBy(() -> new DeliveryRecords(new DeliveryLedger(jdbc), log,
                new TransactionTemplate(new DataSourceTransactionManager(db)), Duration.ofSeconds(10), Duration.ofSeconds(2), batches))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("werkbridge.delivery.records-linger must be between 0 and 1 s");
    }

    private PendingDisclosure pending(String messageId) {
        return new PendingDisclosure(at -> new DisclosureRecord(at, messageId, "customer", "100234", Set.of("100234"), "shop",
                "gab-exactlyit", "online-shop", "Art. 6(1)(b) GDPR", Set.of("master.name"), Set.of(), Set.of(), Set.of(), "v1"),
                log, counted::incrementAndGet);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
