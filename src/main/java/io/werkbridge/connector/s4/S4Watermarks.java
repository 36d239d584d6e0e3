package io.werkbridge.connector.s4;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The connector's progress in table {@code s4_watermark} (V16): written after each page, read at every start. */
final class S4Watermarks {

    private final JdbcTemplate jdbc;

    S4Watermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param loadLastPartner the last partner of the last page the initial load read completely; null: none yet
     * @param changedSince    once the load is done: the change polling reads partners changed at or after this
     */
    record State(Instant loadStartedAt, String loadLastPartner, boolean loadDone, Instant changedSince) {
    }

    Optional<State> read(String source) {
        List<State> rows = jdbc.query("SELECT load_started_at, load_last_partner, load_done, changed_since FROM s4_watermark"
                + " WHERE source = ?", (rs, i) -> new State(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getBoolean(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), source);
        return rows.stream().findFirst();
    }

    void startLoad(String source, Instant startedAt) {
        jdbc.update("INSERT INTO s4_watermark (source, load_started_at, load_done, updated_at) VALUES (?, ?, FALSE, ?)",
                source, Timestamp.from(startedAt), Timestamp.from(startedAt));
    }

    void loadProgress(String source, String lastPartner, Instant now) {
        jdbc.update("UPDATE s4_watermark SET load_last_partner = ?, updated_at = ? WHERE source = ?",
                lastPartner, Timestamp.from(now), source);
    }

    void loadDone(String source, Instant changedSince, Instant now) {
        jdbc.update("UPDATE s4_watermark SET load_done = TRUE, changed_since = ?, updated_at = ? WHERE source = ?",
                Timestamp.from(changedSince), Timestamp.from(now), source);
    }

    void changedSince(String source, Instant changedSince, Instant now) {
        jdbc.update("UPDATE s4_watermark SET changed_since = ?, updated_at = ? WHERE source = ?",
                Timestamp.from(changedSince), Timestamp.from(now), source);
    }
}
