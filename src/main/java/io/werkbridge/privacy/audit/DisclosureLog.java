package io.werkbridge.privacy.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends disclosure records to the {@code disclosure} table as a hash chain. Each append runs in its own
 * transaction that first locks the one row of {@code disclosure_chain_head} ({@code SELECT ... FOR UPDATE}), so
 * concurrent appends, also from other hub instances on the same database, line up one after the other: the chain
 * never forks and id order is chain order.
 */
public final class DisclosureLog {

    private static final String INSERT = "INSERT INTO disclosure (" + String.join(", ", DisclosureHash.COLUMNS)
            + ", prev_hash, record_hash) VALUES (" + "?, ".repeat(DisclosureHash.COLUMNS.size() + 1) + "?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DisclosureLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Appends one record and returns its id. */
    public long append(DisclosureRecord r) {
        return appendAll(List.of(r));
    }

    /**
     * Appends records in this order in one transaction (joining the caller's, if any), taking the chain head's lock
     * once: a delivery's group commit. Returns the id of the last record.
     */
    public long appendAll(List<DisclosureRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no disclosure records to append");
        }
        Long id = transactions.execute(status -> appendLocked(records));
        return Objects.requireNonNull(id, "append transaction returned no id");
    }

    private long appendLocked(List<DisclosureRecord> records) {
        String prev = jdbc.queryForObject("SELECT last_hash FROM disclosure_chain_head WHERE id = 1 FOR UPDATE", String.class);
        // each record's hash covers the one before it, so the chain is computed first and inserted in one JDBC batch,
        // in chain order (ids are assigned in that order)
        List<Object[]> rows = new ArrayList<>(records.size());
        for (DisclosureRecord r : records) {
            Instant at = r.occurredAt().truncatedTo(ChronoUnit.MICROS);
            List<String> values = Arrays.asList(at.toString(), r.messageId(), r.entityType(), r.entityKey(),
                    join(r.subjectRefs()), r.destination(), r.processor(), r.purpose(), r.legalBasis(),
                    join(r.categoriesSent()), join(r.categoriesMasked()), join(r.categoriesDropped()),
                    join(r.unclassifiedFields()), r.policyVersion());
            String hash = DisclosureHash.of(values, prev);
            Object[] row = new Object[values.size() + 2];
            row[0] = at.atOffset(ZoneOffset.UTC);
            for (int i = 1; i < values.size(); i++) {
                row[i] = values.get(i);
            }
            row[values.size()] = prev;
            row[values.size() + 1] = hash;
            rows.add(row);
            prev = hash;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement insert, int i) throws SQLException {
                Object[] row = rows.get(i);
                insert.setObject(1, row[0]);
                for (int column = 1; column < row.length; column++) {
                    insert.setString(column + 1, (String) row[column]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        long newId = lastGeneratedId(keys, rows.size());
        jdbc.update("UPDATE disclosure_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", newId, prev);
        return newId;
    }

    private static long lastGeneratedId(KeyHolder keys, int rows) {
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows || generated.get(rows - 1).size() != 1
                || !(generated.get(rows - 1).values().iterator().next() instanceof Number n)) {
            throw new IllegalStateException("the database returned no generated id for each disclosure record");
        }
        return n.longValue();
    }

    private static String join(Set<String> values) {
        return String.join(",", values);
    }

    /**
     * Retention: removes the oldest records, those that occurred before {@code cutoff} and precede every newer one,
     * and moves the chain's anchor to the last removed record so the rest stays verifiable. Returns how many records
     * were (or, with {@code dryRun}, would be) removed.
     */
    public int pruneBefore(Instant cutoff, boolean dryRun) {
        Integer removed = transactions.execute(status -> {
            jdbc.queryForObject("SELECT last_hash FROM disclosure_chain_head WHERE id = 1 FOR UPDATE", String.class);
            Long firstKept = jdbc.queryForObject("SELECT MIN(id) FROM disclosure WHERE occurred_at >= ?", Long.class, cutoff.atOffset(ZoneOffset.UTC));
            Long lastRemoved = firstKept == null
                    ? jdbc.queryForObject("SELECT MAX(id) FROM disclosure", Long.class)
                    : jdbc.queryForObject("SELECT MAX(id) FROM disclosure WHERE id < ?", Long.class, firstKept);
            if (lastRemoved == null) {
                return 0;
            }
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM disclosure WHERE id <= ?", Integer.class, lastRemoved);
            if (!dryRun) {
                String anchorHash = jdbc.queryForObject("SELECT record_hash FROM disclosure WHERE id = ?", String.class, lastRemoved);
                jdbc.update("UPDATE disclosure_chain_head SET anchor_id = ?, anchor_hash = ? WHERE id = 1", lastRemoved, anchorHash);
                jdbc.update("DELETE FROM disclosure WHERE id <= ?", lastRemoved);
            }
            return count;
        });
        return removed == null ? 0 : removed;
    }
}
