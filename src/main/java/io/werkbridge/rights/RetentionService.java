package io.werkbridge.rights;

import io.werkbridge.messaging.ExpiredParkings;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.vault.Pseudonymizer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes what is past its retention period: disclosure records (pruned from the oldest, the chain stays
 * verifiable), the pseudonyms of customers whose contract ended more than the configured period ago, and collected
 * exports. A dry run reports what would go and deletes nothing. Held and dead-lettered messages are never deleted:
 * deleting one would lose a message the hub never delivered. Past {@code parked-messages} they are flagged as
 * expired (listed, counted by a gauge) and leave only by an operator's recorded decision.
 */
public final class RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    private final RetentionProperties properties;
    private final DisclosureLog disclosures;
    private final Pseudonymizer vault;
    private final CustomerContracts contracts;
    private final Function<Instant, List<ExpiredParkings.Expired>> expiredParkings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RetentionService(RetentionProperties properties, DisclosureLog disclosures, Pseudonymizer vault, CustomerContracts contracts,
                            Function<Instant, List<ExpiredParkings.Expired>> expiredParkings, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.disclosures = disclosures;
        this.vault = vault;
        this.contracts = contracts;
        this.expiredParkings = expiredParkings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What a run removed (or, in a dry run, would remove), and the parked messages it flagged as expired per queue
     * (never removed). Counts only, never values.
     */
    public record Report(boolean dryRun, Instant ranAt, int disclosureRecords, Map<String, Integer> expiredParkings,
                         int customersPastContract, int pseudonyms, int exports) {
    }

    public Report run(boolean dryRun) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int pruned = disclosures.pruneBefore(cutoff(today, properties.disclosures()), dryRun);
        Map<String, Integer> messages = new TreeMap<>();
        expiredParkings().forEach(expired -> messages.merge(expired.queue(), 1, Integer::sum));
        List<String> ended = contracts.endedBefore(today.minus(properties.afterContract()));
        int pseudonyms = 0;
        for (String customer : ended) {
            pseudonyms += dryRun ? countPseudonyms(customer) : vault.forgetCustomer(customer);
            if (!dryRun) {
                contracts.forget(customer);
            }
        }
        Timestamp exportCutoff = Timestamp.from(cutoff(today, properties.exports()));
        Integer exports = dryRun
                ? jdbc.queryForObject("SELECT COUNT(*) FROM rights_export WHERE created_at < ?", Integer.class, exportCutoff)
                : Integer.valueOf(jdbc.update("DELETE FROM rights_export WHERE created_at < ?", exportCutoff));
        Report report = new Report(dryRun, now, pruned, messages, ended.size(), pseudonyms, exports == null ? 0 : exports);
        LOG.info("retention {}: {}", dryRun ? "dry run" : "run", report);
        return report;
    }

    /** The held and dead-lettered messages older than the retention age: flagged, awaiting a recorded decision. */
    public List<ExpiredParkings.Expired> expiredParkings() {
        return expiredParkings.apply(cutoff(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), properties.parkedMessages()));
    }

    private int countPseudonyms(String customer) {
        Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT token) FROM pseudonym_vault_subject WHERE subject_ref = ? OR LEFT(subject_ref, ?) = ?",
                Integer.class, customer, customer.length() + 1, customer + "/");
        return n == null ? 0 : n;
    }

    private static Instant cutoff(LocalDate today, java.time.Period period) {
        return today.minus(period).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
