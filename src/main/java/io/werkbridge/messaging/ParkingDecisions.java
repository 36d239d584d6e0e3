package io.werkbridge.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log of decisions on parked messages: every release, replay and discard of a held or dead-lettered
 * message, with who decided and why. Retention never removes a parked message, so this log is the only way one
 * leaves its queue. Ids and reasons only, never message content.
 */
public final class ParkingDecisions {

    private static final int MAX_NAME = 100;
    private static final int MAX_REASON = 1000;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ParkingDecisions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Action {
        RELEASE, REPLAY, DISCARD;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Who decides and why. A discard needs both; a release or replay needs a name (the reason is optional: the cause
     * was fixed). The hub's own releases (a lifted restriction) are decided by {@code system:<what>}.
     */
    public record Decider(String name, String reason) {

        public Decider {
            if (name == null || name.isBlank()) {
                throw new InvalidSelectionException("a decision on a parked message needs the name of who decides");
            }
            if (name.length() > MAX_NAME) {
                throw new InvalidSelectionException("the name of who decides has at most " + MAX_NAME + " characters");
            }
            reason = reason == null || reason.isBlank() ? null : reason.strip();
            if (reason != null && reason.length() > MAX_REASON) {
                throw new InvalidSelectionException("reason has at most " + MAX_REASON + " characters");
            }
        }

        /** A discard removes a message for good: refused without a reason. */
        Decider requireReason() {
            if (reason == null) {
                throw new InvalidSelectionException("a discard needs a reason: say why the message may be deleted");
            }
            return this;
        }
    }

    /** One recorded decision. */
    public record Decision(Instant decidedAt, String action, String queue, String messageId, String decidedBy, String reason) {
    }

    void record(Action action, String queue, String messageId, Decider by) {
        jdbc.update("INSERT INTO parking_decision (decided_at, action, queue_name, message_id, decided_by, reason) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), action.id(), queue, messageId, by.name(), by.reason());
    }

    /** The decisions on one message (by canonical or JMS message id), oldest first. */
    public List<Decision> of(String messageId) {
        ParkedQueues.requireId(messageId);
        return jdbc.query("SELECT decided_at, action, queue_name, message_id, decided_by, reason FROM parking_decision "
                        + "WHERE message_id = ? ORDER BY id", (rs, i) -> new Decision(rs.getTimestamp(1).toInstant(),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), messageId);
    }
}
