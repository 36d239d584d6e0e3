package io.werkbridge.messaging;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The idempotent repository of deliveries: one row per message id, flow and destination, written (in its own
 * database transaction) as soon as the destination has accepted the message. A redelivered message that has a row is
 * not sent again.
 */
public final class DeliveryLedger {

    /** True when the query found a row; reads no further. */
    private static final ResultSetExtractor<Boolean> ANY_ROW = ResultSet::next;

    // insert-if-absent rather than a duplicate key error: inside a transaction of several records PostgreSQL would
    // abort the whole transaction on that error
    private static final String INSERT_IF_ABSENT = "INSERT INTO delivered_message (message_id, flow, destination, delivered_at)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM delivered_message WHERE message_id = ? AND flow = ? AND destination = ?)";

    private final JdbcTemplate jdbc;

    public DeliveryLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isDelivered(FlowQueue queue, String messageId) {
        // a key lookup that stops at the first row: COUNT(*) made the database aggregate for every delivery
        Boolean found = jdbc.query("SELECT 1 FROM delivered_message WHERE message_id = ? AND flow = ? AND destination = ?",
                ANY_ROW, messageId, queue.flow(), queue.name());
        return Boolean.TRUE.equals(found);
    }

    /** Records the delivery; returns false when it was recorded already (a concurrent or repeated delivery). */
    public boolean record(FlowQueue queue, String messageId, Instant deliveredAt) {
        try {
            return jdbc.update(INSERT_IF_ABSENT, messageId, queue.flow(), queue.name(), Timestamp.from(deliveredAt), messageId, queue.flow(), queue.name()) == 1;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** A delivery to record: the message, the queue it came from, when the destination accepted it. */
    public record Delivery(FlowQueue queue, String messageId, Instant deliveredAt) {
    }

    /**
     * Records deliveries in one JDBC batch (in the caller's transaction, if any); one already recorded stays as it
     * was. A group commit's rows: one round trip to the database instead of one per row.
     */
    public void recordAll(List<Delivery> deliveries) {
        jdbc.batchUpdate(INSERT_IF_ABSENT, deliveries, deliveries.size(), (insert, d) -> {
            Timestamp at = Timestamp.from(d.deliveredAt());
            insert.setString(1, d.messageId());
            insert.setString(2, d.queue().flow());
            insert.setString(3, d.queue().name());
            insert.setTimestamp(4, at);
            insert.setString(5, d.messageId());
            insert.setString(6, d.queue().flow());
            insert.setString(7, d.queue().name());
        });
    }

    /** Forgets deliveries older than {@code before}; returns how many rows went. */
    public int purgeBefore(Instant before) {
        return jdbc.update("DELETE FROM delivered_message WHERE delivered_at < ?", Timestamp.from(before));
    }
}
