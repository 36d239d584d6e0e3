package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.it.RequiredTool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import io.werkbridge.privacy.audit.ChainReport;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.DisclosureVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Flyway migrations the hub runs on H2 also run on a real PostgreSQL (the one on 127.0.0.1:5432, database
 * {@code test}), each run in a fresh schema that is dropped afterwards.
 */
class PostgresMigrationTest {

    private static final String URL = System.getProperty("werkbridge.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("werkbridge.test.postgres-user", "postgres");

    @Test
    void migrationsRunOnPostgres() throws SQLException {
        RequiredTool.assumeOrFail(reachable(), "a PostgreSQL server at " + URL + " (user " + USER + ", no password)");
        String schema = "wb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(URL, USER, "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            try {
                Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true)
                        .locations("classpath:db/migration").load().migrate();
                List<String> tables = jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class, schema);
                assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                        .contains("disclosure", "hub_secret", "delivered_message", "flyway_schema_history");
                jdbc.update("INSERT INTO " + schema + ".disclosure (occurred_at, message_id, entity_type, destination, processor, policy_version)"
                        + " VALUES (now(), 'm-1', 'customer', 'shop', 'gab-exactlyit', 'v1')");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".disclosure", Integer.class)).isEqualTo(1);
                chainWorksOnPostgres(schema);
                ledgerWorksOnPostgres(schema);
                rightsPayloadHoldsLargeCorrections(jdbc, schema);
            } finally {
                jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The hash chain on PostgreSQL: a row from before the chain is only counted, appends chain, tampering shows. */
    private static void chainWorksOnPostgres(String schema) {
        DriverManagerDataSource ds = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        DisclosureLog log = new DisclosureLog(ds);
        DisclosureRecord record = new DisclosureRecord(Instant.parse("2026-11-20T10:15:00.123456789Z"), "m-2", "customer",
                "C-1", Set.of("C-1"), "shop", "gab-exactlyit", "online-shop", "Art. 6(1)(b) GDPR (contract)",
                Set.of("master.name"), Set.of(), Set.of("voluntary.remarks"), Set.of(), "v1");
        log.append(record);
        long last = log.append(record);
        DisclosureVerifier verifier = new DisclosureVerifier(ds);
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.reason()).isTrue();
        assertThat(report.checked()).isEqualTo(2);
        new JdbcTemplate(ds).update("UPDATE disclosure SET purpose = 'other' WHERE id = ?", last);
        assertThat(verifier.verify().firstBrokenId()).isEqualTo(last);
    }

    /** The idempotency ledger on PostgreSQL: a second record of the same delivery is refused, not an error. */
    /** V13: the sealed working data of a rights request is no longer cut at 8,000 characters (about 6 KB of corrections). */
    private static void rightsPayloadHoldsLargeCorrections(JdbcTemplate jdbc, String schema) {
        String sealed = "v2:" + "A".repeat(200_000);
        jdbc.update("INSERT INTO " + schema + ".rights_request (id, type, customer_number, received_at, due_at, state, payload_cipher,"
                + " request_hash, closed_by, closed_reason) VALUES ('r-1', 'RECTIFICATION', '100234', now(), now(), 'OPEN', ?, ?, 'dpo', 'why')",
                sealed, "f".repeat(64));
        assertThat(jdbc.queryForObject("SELECT payload_cipher FROM " + schema + ".rights_request WHERE id = 'r-1'", String.class))
                .isEqualTo(sealed);
    }

    private static void ledgerWorksOnPostgres(String schema) {
        DriverManagerDataSource ds = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        DeliveryLedger ledger = new DeliveryLedger(new JdbcTemplate(ds));
        FlowQueue shop = new FlowQueue("customer-master", "shop", FlowQueue.Kind.DESTINATION);
        FlowQueue portal = new FlowQueue("customer-master", "portal", FlowQueue.Kind.DESTINATION);
        String id = UUID.randomUUID().toString();
        assertThat(ledger.isDelivered(shop, id)).isFalse();
        assertThat(ledger.record(shop, id, Instant.parse("2026-11-20T10:15:00Z"))).isTrue();
        assertThat(ledger.record(shop, id, Instant.parse("2026-11-20T10:16:00Z"))).isFalse();
        assertThat(ledger.isDelivered(shop, id)).isTrue();
        assertThat(ledger.isDelivered(portal, id)).isFalse();
        assertThat(ledger.purgeBefore(Instant.parse("2026-11-21T00:00:00Z"))).isEqualTo(1);
        assertThat(ledger.isDelivered(shop, id)).isFalse();
    }

    /**
     * Migration 10 splits the vault's comma-joined subjects on PostgreSQL too, and the start-up converts values sealed
     * in the former format (the ciphertexts were made by the former SealedBox under the key derived from this hub key).
     */
    @Test
    void theVaultsFormerRowsAreMigratedOnPostgres() throws SQLException {
        RequiredTool.assumeOrFail(reachable(), "a PostgreSQL server at " + URL + " (user " + USER + ", no password)");
        String schema = "wb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        byte[] hubKey = "vault-test-key-0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SingleConnectionDataSource admin = new SingleConnectionDataSource(URL, USER, "", true)) {
            try {
                Flyway.configure().dataSource(admin).schemas(schema).createSchemas(true)
                        .locations("classpath:db/migration").target("8").load().migrate();
                JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, ""));
                jdbc.update("INSERT INTO pseudonym_vault (token, shape, value_hash, value_cipher, subject_refs, created_at) VALUES (?, ?, ?, ?, ?, now())",
                        "tok-erika@token.invalid", "EMAIL", "h1", "+j8ZBWGeGg0nmkIQ2+oPqVGXOtBvo/YM8M+C/hTUkQK+LPB5p3LtWzxV8cyp", ",100234,a_b,");
                jdbc.update("INSERT INTO pseudonym_vault (token, shape, value_hash, value_cipher, subject_refs, created_at) VALUES (?, ?, ?, ?, ?, now())",
                        "+4900000001", "PHONE", "h2", "fluEamxgSYk4pqempIofjL58MSz3pv7welFmpqRq3j7MFrlLRqJ0ZH5IJQ==", ",axb,");
                Flyway.configure().dataSource(admin).schemas(schema).locations("classpath:db/migration").load().migrate();

                io.werkbridge.privacy.vault.DataKeys keys = io.werkbridge.privacy.vault.DataKeys.open(jdbc, hubKey);
                io.werkbridge.privacy.vault.PseudonymVault vault = io.werkbridge.privacy.vault.PseudonymVault.open(jdbc, hubKey,
                        new io.werkbridge.privacy.vault.SealedBox(keys));

                assertThat(vault.detokenize("tok-erika@token.invalid")).contains("erika@example.com");
                assertThat(jdbc.queryForList("SELECT value_cipher FROM pseudonym_vault", String.class)).hasSize(2)
                        .allSatisfy(stored -> assertThat(stored).startsWith("v2:"));
                assertThat(jdbc.queryForList("SELECT subject_ref FROM pseudonym_vault_subject ORDER BY subject_ref", String.class))
                        .containsExactly("100234", "a_b", "axb");
                keys.rotate();
                String max = vault.tokenize("max@example.com", io.werkbridge.privacy.operator.TokenShapes.Shape.EMAIL, Set.of("a_b"));
                assertThat(vault.detokenize(max)).contains("max@example.com");
                assertThat(vault.detokenize("+4900000001")).contains("+49 521 5551234");
                assertThat(vault.forgetSubject("100234/a_b")).isEqualTo(2);
                assertThat(vault.detokenize("+4900000001")).isPresent();
            } finally {
                new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
            return true;
        } catch (SQLException e) {
            System.err.println("PostgreSQL not reachable: " + e.getMessage());
            return false;
        }
    }
}
