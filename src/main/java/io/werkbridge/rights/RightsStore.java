package io.werkbridge.rights;

import io.werkbridge.rights.RightsRequest.RightsTask;
import io.werkbridge.rights.RightsRequest.State;
import io.werkbridge.rights.RightsRequest.TaskState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.werkbridge.privacy.vault.LegacyCiphertexts;
import io.werkbridge.privacy.vault.SealedBox;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rights requests, their tasks and sealed exports in the database. */
public final class RightsStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RightsStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The label the former code derived the rights data's encryption key with from the hub key. */
    static final String FORMER_SEALING_LABEL = "werkbridge-rights-sealing-v1";
    private static final List<LegacyCiphertexts.Column> SEALED = List.of(
            new LegacyCiphertexts.Column("rights_request", "payload_cipher", List.of("id"), key -> payloadRow(key.get(0))),
            new LegacyCiphertexts.Column("rights_export", "data_cipher", List.of("request_id", "system"), key -> exportRow(key.get(0), key.get(1))));

    /** The associated data of a request's sealed payload: it does not open as another request's. */
    static String payloadRow(String requestId) {
        return "rights_request.payload_cipher/" + requestId;
    }

    /** The associated data of a system's sealed export for a request (request ids are UUIDs, without '/'). */
    static String exportRow(String requestId, String system) {
        return "rights_export.data_cipher/" + requestId + "/" + system;
    }

    /** Converts payloads and exports still sealed in the former format; run at start-up, before the worker. */
    void convertFormerCiphertexts(SealedBox box, byte[] formerKey) {
        LegacyCiphertexts legacy = new LegacyCiphertexts(jdbc, box);
        SEALED.forEach(column -> legacy.convert(column, formerKey));
    }

    /** A stored request as the worker needs it. */
    record Pending(String id, RightsRequestType type, String customerNumber, String contactId, String payloadCipher, Instant dueAt,
                   String purpose) {
    }

    void insertRequest(String id, RightsRequestType type, SubjectIds subject, String emailHash, String purpose,
                       String idempotencyKey, Instant receivedAt, Instant dueAt, State state, String payloadCipher) {
        insertRequest(id, type, subject, emailHash, purpose, idempotencyKey, null, receivedAt, dueAt, state, payloadCipher);
    }

    /** @param requestHash keyed hash of the request as submitted, compared when its idempotency key comes again */
    void insertRequest(String id, RightsRequestType type, SubjectIds subject, String emailHash, String purpose,
                       String idempotencyKey, String requestHash, Instant receivedAt, Instant dueAt, State state, String payloadCipher) {
        jdbc.update("""
                INSERT INTO rights_request (id, type, customer_number, contact_id, email_hash, purpose, idempotency_key,
                    request_hash, received_at, due_at, state, payload_cipher) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, type.name(), subject.customerNumber(), subject.contactId(), emailHash, purpose, idempotencyKey, requestHash,
                Timestamp.from(receivedAt), Timestamp.from(dueAt), state.name(), payloadCipher);
    }

    void insertTask(String requestId, String system, TaskState state, Instant nextAttempt, String error, String result) {
        jdbc.update("INSERT INTO rights_task (request_id, system, state, attempts, next_attempt_at, last_error, result, completed_at)"
                        + " VALUES (?, ?, ?, 0, ?, ?, ?, ?)", requestId, system, state.name(), Timestamp.from(nextAttempt), error, result,
                state == TaskState.PENDING ? null : Timestamp.from(clock.instant()));
    }

    /** The request an idempotency key created: its id and the hash of the request it was created with. */
    record Keyed(String id, String requestHash) {
    }

    Optional<Keyed> byIdempotencyKey(String key) {
        return jdbc.query("SELECT id, request_hash FROM rights_request WHERE idempotency_key = ?",
                (rs, n) -> new Keyed(rs.getString(1), rs.getString(2)), key).stream().findFirst();
    }

    public Optional<RightsRequest> find(String id) {
        List<RightsTask> tasks = jdbc.query("SELECT * FROM rights_task WHERE request_id = ? ORDER BY system", RightsStore::task, id);
        return jdbc.query("SELECT * FROM rights_request WHERE id = ?", (rs, n) -> request(rs, tasks), id).stream().findFirst();
    }

    public List<RightsRequest> list(int limit) {
        List<String> ids = jdbc.queryForList("SELECT id FROM rights_request ORDER BY received_at DESC FETCH FIRST " + limit + " ROWS ONLY", String.class);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Unfinished requests past their due date, the longest overdue first (however old: not only the newest). */
    public List<RightsRequest> overdue(int limit) {
        List<String> ids = jdbc.queryForList("SELECT id FROM rights_request WHERE state IN ('OPEN', 'INCOMPLETE') AND due_at < ?"
                + " ORDER BY due_at FETCH FIRST " + limit + " ROWS ONLY", String.class, Timestamp.from(clock.instant()));
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** How many unfinished requests are past their due date (the metric). */
    public int countOverdue() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM rights_request WHERE state IN ('OPEN', 'INCOMPLETE') AND due_at < ?",
                Integer.class, Timestamp.from(clock.instant()));
        return n == null ? 0 : n;
    }

    /** Tasks whose next attempt is due; each is claimed for {@code leaseSeconds} so two hubs never run it twice. */
    List<String[]> claimDue(int leaseSeconds) {
        Instant now = clock.instant();
        List<String[]> due = jdbc.query("SELECT request_id, system, next_attempt_at FROM rights_task WHERE state = 'PENDING' AND next_attempt_at <= ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()}, Timestamp.from(now));
        return due.stream().filter(task -> jdbc.update(
                "UPDATE rights_task SET next_attempt_at = ? WHERE request_id = ? AND system = ? AND state = 'PENDING' AND next_attempt_at = ?",
                Timestamp.from(now.plusSeconds(leaseSeconds)), task[0], task[1], Timestamp.from(Instant.parse(task[2]))) == 1).toList();
    }

    Optional<Pending> pending(String requestId) {
        return jdbc.query("SELECT id, type, customer_number, contact_id, payload_cipher, due_at, purpose FROM rights_request WHERE id = ?",
                (rs, n) -> new Pending(rs.getString(1), RightsRequestType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), requestId).stream().findFirst();
    }

    void taskDone(String requestId, String system, String result) {
        jdbc.update("UPDATE rights_task SET state = 'DONE', attempts = attempts + 1, result = ?, last_error = NULL, completed_at = ? WHERE request_id = ? AND system = ?",
                result, Timestamp.from(clock.instant()), requestId, system);
    }

    void taskFailed(String requestId, String system, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.update("UPDATE rights_task SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, completed_at = ? WHERE request_id = ? AND system = ?",
                giveUp ? TaskState.FAILED.name() : TaskState.PENDING.name(), error, Timestamp.from(nextAttempt),
                giveUp ? Timestamp.from(clock.instant()) : null, requestId, system);
    }

    void saveExport(String requestId, String system, String dataCipher) {
        jdbc.update("DELETE FROM rights_export WHERE request_id = ? AND system = ?", requestId, system);
        jdbc.update("INSERT INTO rights_export (request_id, system, data_cipher, created_at) VALUES (?, ?, ?, ?)",
                requestId, system, dataCipher, Timestamp.from(clock.instant()));
    }

    List<String[]> exports(String requestId) {
        return jdbc.query("SELECT system, data_cipher FROM rights_export WHERE request_id = ? ORDER BY system",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, requestId);
    }

    /**
     * Completes the request when every task is done, and wipes what was only needed to act. With a task left to be
     * carried by hand it is INCOMPLETE and keeps its sealed working data: the DPO still needs it, and it stays
     * overdue past the due date until a DPO closes it.
     */
    void closeIfFinished(String requestId) {
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM rights_task WHERE request_id = ? AND state = 'PENDING'", Integer.class, requestId);
        if (pending != null && pending == 0) {
            Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM rights_task WHERE request_id = ? AND state = 'FAILED'", Integer.class, requestId);
            if (failed != null && failed > 0) {
                jdbc.update("UPDATE rights_request SET state = 'INCOMPLETE', completed_at = ? WHERE id = ? AND state = 'OPEN'",
                        Timestamp.from(clock.instant()), requestId);
            } else {
                jdbc.update("UPDATE rights_request SET state = 'COMPLETED', completed_at = ?, payload_cipher = NULL WHERE id = ? AND state IN ('OPEN', 'INCOMPLETE')",
                        Timestamp.from(clock.instant()), requestId);
            }
        }
    }

    /**
     * A DPO closes an unfinished request with a reason: tasks still pending stop (FAILED, "closed by the DPO") and
     * the sealed working data is wiped. False when the request is not unfinished.
     */
    boolean close(String requestId, String closedBy, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        int closed = jdbc.update("UPDATE rights_request SET state = 'CLOSED', completed_at = ?, closed_by = ?, closed_reason = ?, payload_cipher = NULL"
                + " WHERE id = ? AND state IN ('OPEN', 'INCOMPLETE')", now, closedBy, reason, requestId);
        if (closed == 1) {
            jdbc.update("UPDATE rights_task SET state = 'FAILED', last_error = COALESCE(SUBSTRING(last_error, 1, 950) || '; ', '') || 'closed by the DPO', completed_at = ?"
                    + " WHERE request_id = ? AND state = 'PENDING'", now, requestId);
        }
        return closed == 1;
    }

    void setState(String requestId, State state) {
        jdbc.update("UPDATE rights_request SET state = ?, completed_at = ? WHERE id = ?", state.name(), Timestamp.from(clock.instant()), requestId);
    }

    private RightsRequest request(ResultSet rs, List<RightsTask> tasks) throws SQLException {
        State state = State.valueOf(rs.getString("state"));
        Instant due = rs.getTimestamp("due_at").toInstant();
        Timestamp completed = rs.getTimestamp("completed_at");
        return new RightsRequest(rs.getString("id"), RightsRequestType.valueOf(rs.getString("type")), rs.getString("customer_number"),
                rs.getString("contact_id"), rs.getString("purpose"), rs.getTimestamp("received_at").toInstant(), due, state,
                completed == null ? null : completed.toInstant(), state.unfinished() && clock.instant().isAfter(due), tasks,
                rs.getString("closed_by"), rs.getString("closed_reason"));
    }

    private static RightsTask task(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new RightsTask(rs.getString("system"), TaskState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getString("result"),
                completed == null ? null : completed.toInstant());
    }
}
