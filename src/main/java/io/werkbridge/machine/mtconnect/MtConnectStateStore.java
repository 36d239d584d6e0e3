package io.werkbridge.machine.mtconnect;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the hub stands in each machine's MTConnect stream (table {@code mtconnect_state}, migration V4): the
 * agent's instanceId and the next sequence to ask for. Saving is a compare-and-set on the state read before the
 * poll, so two hubs polling the same agent never move it backwards.
 */
public final class MtConnectStateStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MtConnectStateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The position after the last committed poll of a machine. */
    public record Position(String instanceId, long nextSequence) {
    }

    public Optional<Position> load(String machineId) {
        List<Position> rows = jdbc.query("SELECT instance_id, next_sequence FROM mtconnect_state WHERE machine_id = ?",
                (rs, i) -> new Position(rs.getString(1), rs.getLong(2)), machineId);
        return rows.stream().findFirst();
    }

    /**
     * Moves a machine from {@code expected} (empty: no row yet) to {@code next}.
     *
     * @return false if the row was not at {@code expected} any more (another hub moved it)
     */
    public boolean save(String machineId, Optional<Position> expected, Position next) {
        Timestamp now = Timestamp.from(clock.instant());
        if (expected.isEmpty()) {
            try {
                return jdbc.update("INSERT INTO mtconnect_state (machine_id, instance_id, next_sequence, updated_at) VALUES (?, ?, ?, ?)",
                        machineId, next.instanceId(), next.nextSequence(), now) == 1;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.update("UPDATE mtconnect_state SET instance_id = ?, next_sequence = ?, updated_at = ?"
                        + " WHERE machine_id = ? AND instance_id = ? AND next_sequence = ?",
                next.instanceId(), next.nextSequence(), now, machineId, expected.get().instanceId(),
                expected.get().nextSequence()) == 1;
    }
}
