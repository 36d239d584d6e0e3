package io.werkbridge.messaging;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
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
            // insert-if-absent rather than a duplicate key error: inside a transaction of several records PostgreSQL
            // would abort the whole transaction on that error
            return jdbc.update("INSERT INTO delivered_message (message_id, flow, destination, delivered_at) SELECT ?, ?, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM delivered_message WHERE message_id = ? AND flow = ? AND destination = ?)",
                    messageId, queue.flow(), queue.name(), Timestamp.from(deliveredAt), messageId, queue.flow(), queue.name()) == 1;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** Forgets deliveries older than {@code before}; returns how many rows went. */
    public int purgeBefore(Instant before) {
        return jdbc.update("DELETE FROM delivered_message WHERE delivered_at < ?", Timestamp.from(before));
    }
}
