package io.werkbridge.privacy.gate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Restrictions, objections and consent revocations kept in the {@code subject_restriction} table. Purpose
 * {@code *} stops every purpose. The data-subject rights requests add and lift them.
 */
public final class JdbcSubjectRestrictions implements SubjectRestrictions {

    /** Stops processing for every purpose. */
    public static final String ALL_PURPOSES = "*";
    private final NamedParameterJdbcTemplate jdbc;

    public JdbcSubjectRestrictions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> restrictionFor(Set<String> subjectRefs, String purpose) {
        if (subjectRefs.isEmpty()) {
            return Optional.empty();
        }
        List<String> kinds = jdbc.queryForList("""
                SELECT kind FROM subject_restriction
                WHERE subject_ref IN (:subjects) AND (purpose = :purpose OR purpose = '*') ORDER BY kind""",
                new MapSqlParameterSource("subjects", subjectRefs).addValue("purpose", purpose), String.class);
        return kinds.isEmpty() ? Optional.empty()
                : Optional.of("a data subject of this message has an active " + kinds.get(0) + " for purpose '" + purpose + "'");
    }

    /** A restriction of its own, not tied to a request (operators' tools, tests); lifted by {@link #lift}. */
    public void add(String subjectRef, String purpose, Kind kind) {
        add(subjectRef, purpose, kind, null);
    }

    /**
     * Stores the restriction, objection or revocation of one request as a record of its own.
     *
     * @param subjectKey the subject by {@link SubjectKeys}: the customer number, or {@code customer/contact}
     */
    public void add(String subjectKey, String purpose, Kind kind, String requestId) {
        jdbc.update("INSERT INTO subject_restriction (subject_ref, purpose, kind, created_at, request_id) VALUES (:s, :p, :k, :t, :r)",
                new MapSqlParameterSource("s", subjectKey).addValue("p", purpose).addValue("k", kind.id())
                        .addValue("t", Timestamp.from(Instant.now())).addValue("r", requestId));
    }

    /** Lifts the records of one request; another request's for the same subject and purpose still holds. */
    public int liftRequest(String requestId) {
        return jdbc.update("DELETE FROM subject_restriction WHERE request_id = :r", new MapSqlParameterSource("r", requestId));
    }

    /** Lifts the restrictions stored without a request ({@link #add(String, String, Kind)}); a request's stay. */
    public int lift(String subjectRef, String purpose, Kind kind) {
        return jdbc.update("DELETE FROM subject_restriction WHERE subject_ref = :s AND purpose = :p AND kind = :k AND request_id IS NULL",
                new MapSqlParameterSource("s", subjectRef).addValue("p", purpose).addValue("k", kind.id()));
    }

    /** Why processing is stopped. */
    public enum Kind {
        RESTRICTION("restriction"), OBJECTION("objection"), CONSENT_REVOCATION("consent-revocation");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

}
