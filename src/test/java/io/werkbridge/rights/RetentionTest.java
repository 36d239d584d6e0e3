package io.werkbridge.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.DisclosureVerifier;
import io.werkbridge.privacy.operator.TokenShapes.Shape;
import io.werkbridge.privacy.vault.PseudonymVault;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Retention with a clock the test controls, on a real (H2) database with the real migrations. */
class RetentionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T12:00:00Z"));
    private JdbcTemplate jdbc;
    private DisclosureLog log;
    private DisclosureVerifier verifier;
    private PseudonymVault vault;
    private CustomerContracts contracts;
    private RetentionService retention;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        log = new DisclosureLog(ds);
        verifier = new DisclosureVerifier(ds);
        vault = new PseudonymVault(jdbc, "retention-test-key-0123456789abcdef01".getBytes(StandardCharsets.UTF_8));
        contracts = new CustomerContracts(jdbc, clock);
        RetentionProperties properties = new RetentionProperties(Period.ofYears(1), Period.ofDays(30), Period.ofMonths(6), Period.ofDays(90), false);
        retention = new RetentionService(properties, log, vault, contracts, cutoff -> List.of(), jdbc, clock);
    }

    private void disclose(Instant at) {
        log.append(new DisclosureRecord(at, UUID.randomUUID().toString(), "customer", "100234", Set.of("100234"), "shop",
                "gab-exactlyit", "online-shop", "Art. 6(1)(b) GDPR", Set.of("master.name"), Set.of(), Set.of(), Set.of(), "v1"));
    }

    private void customer(String number, String contractEnd) {
        ObjectNode body = (ObjectNode) CanonicalJson.read("{\"customerNumber\":\"" + number + "\",\"contract\":{\"number\":\"V-1\",\"end\":\"" + contractEnd + "\"}}");
        contracts.remember(new Envelope(UUID.randomUUID().toString(), EntityType.CUSTOMER, number, Operation.UPSERT, clock.instant(), "erp", body));
    }

    @Test
    void oldDisclosuresArePrunedFromTheStartAndTheChainStaysVerifiable() {
        disclose(Instant.parse("2024-06-01T00:00:00Z"));
        disclose(Instant.parse("2024-12-01T00:00:00Z"));
        disclose(Instant.parse("2025-03-01T00:00:00Z"));
        disclose(Instant.parse("2025-12-01T00:00:00Z"));

        RetentionService.Report dry = retention.run(true);
        assertThat(dry.disclosureRecords()).as("older than one year before 2026-01-10").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure", Integer.class)).isEqualTo(4);

        assertThat(retention.run(false).disclosureRecords()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure", Integer.class)).isEqualTo(2);
        assertThat(verifier.verify().intact()).isTrue();
        disclose(clock.instant());
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(verifier.verify().checked()).isEqualTo(3);

        jdbc.update("UPDATE disclosure SET destination = 'portal' WHERE id = (SELECT MIN(id) FROM disclosure)");
        assertThat(verifier.verify().intact()).as("tampering after the anchor is still found").isFalse();
    }

    @Test
    void pseudonymsOfCustomersWhoseContractEndedMoreThanSixMonthsAgoAreForgotten() {
        customer("C-OLD", "2025-06-30");
        customer("C-RECENT", "2025-09-30");
        customer("C-ACTIVE", "2027-12-31");
        String old = vault.tokenize("old@example.com", Shape.EMAIL, Set.of("C-OLD", "K-9"));
        String recent = vault.tokenize("recent@example.com", Shape.EMAIL, Set.of("C-RECENT"));
        String active = vault.tokenize("active@example.com", Shape.EMAIL, Set.of("C-ACTIVE"));

        RetentionService.Report dry = retention.run(true);
        assertThat(dry.customersPastContract()).isEqualTo(1);
        assertThat(dry.pseudonyms()).isEqualTo(1);
        assertThat(vault.detokenize(old)).isPresent();

        retention.run(false);
        assertThat(vault.detokenize(old)).isEmpty();
        assertThat(vault.detokenize(recent)).contains("recent@example.com");
        assertThat(vault.detokenize(active)).contains("active@example.com");

        clock.advance(Duration.ofDays(120));
        retention.run(false);
        assertThat(vault.detokenize(recent)).as("six months after 2025-09-30").isEmpty();
        assertThat(vault.detokenize(active)).isPresent();
    }

    @Test
    void anUnchangedContractEndIsNotWrittenAgainUntilItIsDue() {
        customer("200100", "2026-01-31");
        Object first = updatedAt("200100");
        clock.advance(Duration.ofMinutes(1));
        customer("200100", "2026-01-31");
        assertThat(updatedAt("200100")).as("same contract end within the rewrite period").isEqualTo(first);

        customer("200100", "2027-01-31");
        assertThat(jdbc.queryForObject("SELECT contract_end FROM customer_contract WHERE customer_number = '200100'", String.class))
                .isEqualTo("2027-01-31");
        Object changed = updatedAt("200100");
        assertThat(changed).isNotEqualTo(first);

        clock.advance(CustomerContracts.REWRITE_AFTER);
        customer("200100", "2027-01-31");
        assertThat(updatedAt("200100")).isNotEqualTo(changed);

        // a forgotten customer seen again is written again at once
        contracts.forget("200100");
        customer("200100", "2027-01-31");
        assertThat(updatedAt("200100")).isNotNull();
    }

    private Object updatedAt(String number) {
        return jdbc.queryForObject("SELECT updated_at FROM customer_contract WHERE customer_number = ?", Object.class, number);
    }

    @Test
    void collectedExportsGoAfterTheirPeriod() {
        jdbc.update("INSERT INTO rights_export (request_id, system, data_cipher, created_at) VALUES (?, ?, ?, ?)",
                "r-1", "shop", "sealed", Timestamp.from(clock.instant().minus(Duration.ofDays(100))));
        jdbc.update("INSERT INTO rights_export (request_id, system, data_cipher, created_at) VALUES (?, ?, ?, ?)",
                "r-2", "shop", "sealed", Timestamp.from(clock.instant().minus(Duration.ofDays(10))));
        assertThat(retention.run(true).exports()).isEqualTo(1);
        assertThat(retention.run(false).exports()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT request_id FROM rights_export", String.class)).containsExactly("r-2");
    }
}
