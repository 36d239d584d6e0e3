package io.werkbridge.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The hash chain of the disclosure log on H2 with the real migrations: appends, tampering, removal, concurrency. */
class DisclosureChainTest {

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private DisclosureLog log;
    private DisclosureVerifier verifier;

    @BeforeEach
    void freshDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        log = new DisclosureLog(dataSource);
        verifier = new DisclosureVerifier(dataSource);
    }

    @Test
    void emptyLogIsIntact() {
        assertThat(verifier.verify()).isEqualTo(new ChainReport(true, 0, null, verifier.verify().reason()));
    }

    @Test
    void threeAppendsFormAnIntactChain() {
        List<Long> ids = appendThree();
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.firstBrokenId()).isNull();
        List<String> prev = jdbc.queryForList("SELECT prev_hash FROM disclosure ORDER BY id", String.class);
        List<String> hashes = jdbc.queryForList("SELECT record_hash FROM disclosure ORDER BY id", String.class);
        assertThat(prev).containsExactly(DisclosureHash.GENESIS, hashes.get(0), hashes.get(1));
        assertThat(hashes).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT last_id FROM disclosure_chain_head", Long.class)).isEqualTo(ids.get(2));
    }

    @Test
    void alteredCategoriesAreReportedWithTheRecordId() {
        List<Long> ids = appendThree();
        jdbc.update("UPDATE disclosure SET categories_dropped = '' WHERE id = ?", ids.get(1));
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(1));
        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.reason()).contains("altered");
    }

    @Test
    void aNullInsteadOfAnEmptyListIsAnAlteration() {
        List<Long> ids = appendThree();
        jdbc.update("UPDATE disclosure SET unclassified_fields = NULL WHERE id = ?", ids.get(0));
        assertThat(verifier.verify().firstBrokenId()).isEqualTo(ids.get(0));
    }

    @Test
    void removedMiddleRecordIsReportedAtItsSuccessor() {
        List<Long> ids = appendThree();
        jdbc.update("DELETE FROM disclosure WHERE id = ?", ids.get(1));
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(2));
        assertThat(report.reason()).contains("removed");
    }

    @Test
    void removedLastRecordIsReportedThroughTheChainHead() {
        List<Long> ids = appendThree();
        jdbc.update("DELETE FROM disclosure WHERE id = ?", ids.get(2));
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void rehashingARecordWithoutItsSuccessorsIsDetected() {
        List<Long> ids = appendThree();
        StoredDisclosure row = jdbc.query(StoredDisclosure.SELECT + " WHERE id = ?", StoredDisclosure::read, ids.get(0)).get(0);
        List<String> forged = new ArrayList<>(row.values());
        forged.set(DisclosureHash.COLUMNS.indexOf("categories_sent"), "");
        jdbc.update("UPDATE disclosure SET categories_sent = '', record_hash = ? WHERE id = ?",
                DisclosureHash.of(forged, row.prevHash()), ids.get(0));
        assertThat(verifier.verify().firstBrokenId()).isEqualTo(ids.get(1));
    }

    @Test
    void concurrentAppendsFromTwoLogsNeverFork() throws Exception {
        DisclosureLog other = new DisclosureLog(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                DisclosureLog target = i % 2 == 0 ? log : other;
                int n = i;
                futures.add(pool.submit(() -> target.append(record("m-" + n, "shop"))));
            }
            for (Future<Long> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.reason()).isTrue();
        assertThat(report.checked()).isEqualTo(60);
    }

    @Test
    void canonicalSerialisationIsUnambiguous() {
        List<String> a = new ArrayList<>(java.util.Collections.nCopies(DisclosureHash.COLUMNS.size(), "x"));
        List<String> b = new ArrayList<>(a);
        a.set(4, "a,b");
        a.set(5, "c");
        b.set(4, "a");
        b.set(5, "b,c");
        assertThat(DisclosureHash.of(a, DisclosureHash.GENESIS)).isNotEqualTo(DisclosureHash.of(b, DisclosureHash.GENESIS));
        List<String> withNull = new ArrayList<>(a);
        withNull.set(3, null);
        List<String> withTilde = new ArrayList<>(a);
        withTilde.set(3, "~");
        assertThat(DisclosureHash.of(withNull, DisclosureHash.GENESIS)).isNotEqualTo(DisclosureHash.of(withTilde, DisclosureHash.GENESIS));
    }

    private List<Long> appendThree() {
        return List.of(log.append(record("m-1", "shop")), log.append(record("m-2", "portal")), log.append(record("m-3", "shop")));
    }

    static DisclosureRecord record(String messageId, String destination) {
        return new DisclosureRecord(Instant.parse("2026-11-20T10:15:00.123456789Z"), messageId, "customer", "C-1",
                new LinkedHashSet<>(List.of("C-1", "K-17")), destination, "gab-exactlyit", "online-shop",
                "Art. 6(1)(b) GDPR (contract)", Set.of("master.name"), Set.of("communication.phone"),
                Set.of("billing.bank-account"), Set.of(), "v1");
    }
}
