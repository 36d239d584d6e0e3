package io.werkbridge.rights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import io.werkbridge.storage.GroupCommit;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers, per customer number, when the customer's contract ends, as the customer-master flow last saw it, so
 * retention can forget the customer's pseudonyms six months later. Nothing else of the master data is kept.
 * What was written is remembered in memory for {@link #REWRITE_AFTER}, so a stream of updates of the same customer
 * (the common case: address or contact changes) costs no database write while the contract end stays the same. The
 * memory is a bounded Caffeine cache: when full, the customers least worth keeping are forgotten one at a time.
 * New and changed contract ends are written with group commit ({@link GroupCommit}): an initial load publishes
 * thousands of new customers a second from several consumers, and a commit of its own for each was what held the
 * load up.
 */
public final class CustomerContracts implements AutoCloseable {

    static final Duration REWRITE_AFTER = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED = 100_000;
    private static final Duration LINGER = Duration.ofMillis(1);
    private static final String UPDATE = "UPDATE customer_contract SET contract_end = ?, updated_at = ? WHERE customer_number = ?";
    // insert-if-absent: a row another hub inserted meanwhile is no error (which would abort a PostgreSQL transaction)
    private static final String INSERT = "INSERT INTO customer_contract (customer_number, contract_end, updated_at)"
            + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM customer_contract WHERE customer_number = ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** The contract end last written per customer; the clock drives expiry, so tests can move time. */
    private final Cache<String, Written> written;
    private final GroupCommit<Row> commits;

    public CustomerContracts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.written = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(REWRITE_AFTER)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run).build();
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "a data source")));
        this.commits = new GroupCommit<>("customer-contracts", "the customers' contract ends", this::write, transactions,
                Duration.ofSeconds(30), LINGER, 500, rows -> { });
    }

    /** Route step for customer-master messages; other messages pass untouched. */
    public void remember(Envelope envelope) {
        if (!carriesContractEnd(envelope)) {
            return;
        }
        LocalDate contractEnd = contractEnd(envelope);
        if (unchanged(written.getIfPresent(envelope.key()), contractEnd)) {
            return;
        }
        commits.submit(row(envelope.key(), contractEnd));
        written.put(envelope.key(), new Written(contractEnd));
    }

    /**
     * A bulk source's batch (an initial load) before it is queued: its new contract ends in one group commit, so the
     * inbound consumers that publish the customers find them remembered instead of waiting for a commit each.
     */
    public void rememberAll(List<Envelope> envelopes) {
        Map<String, Written> changed = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            if (!carriesContractEnd(envelope)) {
                continue;
            }
            LocalDate contractEnd = contractEnd(envelope);
            Written last = changed.containsKey(envelope.key()) ? changed.get(envelope.key()) : written.getIfPresent(envelope.key());
            if (unchanged(last, contractEnd)) {
                continue;
            }
            rows.add(row(envelope.key(), contractEnd));
            changed.put(envelope.key(), new Written(contractEnd));
        }
        if (!rows.isEmpty()) {
            commits.submitAll(rows);
            written.putAll(changed);
        }
    }

    /** Customer upserts, and patches that carry a contract: a patch without one leaves the contract end as it was. */
    private static boolean carriesContractEnd(Envelope envelope) {
        return envelope.type() == EntityType.CUSTOMER && envelope.operation() != Operation.DELETE
                && (envelope.operation() != Operation.PATCH || envelope.body().has("contract"));
    }

    private static LocalDate contractEnd(Envelope envelope) {
        String end = envelope.body().path("contract").path("end").asText(null);
        try {
            return end == null ? null : LocalDate.parse(end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("contract.end is not an ISO date", e);
        }
    }

    private static boolean unchanged(Written last, LocalDate contractEnd) {
        return last != null && Objects.equals(last.contractEnd(), contractEnd);
    }

    private Row row(String customerNumber, LocalDate contractEnd) {
        return new Row(customerNumber, contractEnd == null ? null : Date.valueOf(contractEnd), Timestamp.from(clock.instant()));
    }

    /** One batch, in the group commit's transaction: updates, then inserts the customers no row was updated for. */
    private void write(List<Row> batch) {
        // the last contract end per customer of this batch (its messages arrived in this order)
        Map<String, Row> latest = new LinkedHashMap<>();
        batch.forEach(row -> latest.put(row.customerNumber(), row));
        List<Row> rows = new ArrayList<>(latest.values());
        int[][] updated = jdbc.batchUpdate(UPDATE, rows, rows.size(), (update, row) -> {
            update.setDate(1, row.contractEnd());
            update.setTimestamp(2, row.at());
            update.setString(3, row.customerNumber());
        });
        List<Row> absent = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[0][i] == 0) {
                absent.add(rows.get(i));
            }
        }
        if (!absent.isEmpty()) {
            jdbc.batchUpdate(INSERT, absent, absent.size(), (insert, row) -> {
                insert.setString(1, row.customerNumber());
                insert.setDate(2, row.contractEnd());
                insert.setTimestamp(3, row.at());
                insert.setString(4, row.customerNumber());
            });
        }
    }

    /** A contract end to write; {@code contractEnd} null when the customer has none. */
    private record Row(String customerNumber, Date contractEnd, Timestamp at) {
    }

    /** A contract end as written; null when the customer has none. */
    private record Written(LocalDate contractEnd) {
    }

    /** Customers whose contract ended before {@code cutoff}. */
    public List<String> endedBefore(LocalDate cutoff) {
        return jdbc.queryForList("SELECT customer_number FROM customer_contract WHERE contract_end < ?", String.class, Date.valueOf(cutoff));
    }

    public void forget(String customerNumber) {
        jdbc.update("DELETE FROM customer_contract WHERE customer_number = ?", customerNumber);
        written.invalidate(customerNumber);
    }

    /** Stops taking contract ends; what is waiting is still written. */
    @Override
    public void close() throws InterruptedException {
        commits.close();
    }
}
