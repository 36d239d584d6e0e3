package io.werkbridge.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Contract ends written in group commits on a real (H2) database with the real migrations. */
class CustomerContractsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T12:00:00Z"));
    private JdbcTemplate jdbc;
    private CustomerContracts contracts;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        contracts = new CustomerContracts(jdbc, clock);
    }

    @AfterEach
    void close() throws InterruptedException {
        contracts.close();
    }

    @Test
    void customersRememberedFromManyThreadsAtOnceEachHaveTheirLastContractEnd() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String number = "7" + String.format("%05d", i);
                calls.add(threads.submit(() -> remember(number, "2027-12-31")));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        // a changed end is written over the row; the same end again costs nothing
        remember("700007", "2028-06-30");
        remember("700008", null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_contract", Integer.class)).isEqualTo(400);
        assertThat(contracts.endedBefore(LocalDate.parse("2028-01-01"))).hasSize(398).doesNotContain("700007", "700008");
        assertThat(contracts.endedBefore(LocalDate.parse("2028-07-01"))).contains("700007");
        assertThat(jdbc.queryForObject("SELECT contract_end FROM customer_contract WHERE customer_number = '700008'", LocalDate.class))
                .isNull();
    }

    @Test
    void aBulkSourcesBatchIsWrittenAtOnceAndItsCustomersAreThenRemembered() {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            batch.add(customer("8" + String.format("%05d", i), "2027-12-31"));
        }
        // the same customer twice in one batch: its last contract end holds
        batch.add(customer("800005", "2029-03-31"));
        batch.add(new Envelope(UUID.randomUUID().toString(), EntityType.CUSTOMER, "800006", Operation.DELETE,
                clock.instant(), "erp", (ObjectNode) CanonicalJson.read("{\"customerNumber\":\"800006\"}")));

        contracts.rememberAll(batch);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_contract", Integer.class)).isEqualTo(1200);
        assertThat(jdbc.queryForObject("SELECT contract_end FROM customer_contract WHERE customer_number = '800005'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2029-03-31"));
        // the inbound consumer that publishes a customer of the batch finds it remembered: it writes nothing (a row
        // removed behind its back stays removed) and waits for no commit
        jdbc.update("DELETE FROM customer_contract WHERE customer_number = '800007'");
        contracts.remember(customer("800007", "2027-12-31"));
        contracts.remember(customer("800005", "2029-03-31"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_contract", Integer.class)).isEqualTo(1199);
        // a changed end is still written
        contracts.remember(customer("800007", "2030-01-31"));
        assertThat(jdbc.queryForObject("SELECT contract_end FROM customer_contract WHERE customer_number = '800007'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2030-01-31"));
    }

    private Envelope customer(String number, String end) {
        ObjectNode body = (ObjectNode) CanonicalJson.read("{\"customerNumber\":\"" + number + "\",\"contract\":{\"number\":\"V-1\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}}");
        return new Envelope(UUID.randomUUID().toString(), EntityType.CUSTOMER, number, Operation.UPSERT, clock.instant(), "erp", body);
    }

    private void remember(String number, String end) {
        contracts.remember(customer(number, end));
    }
}
