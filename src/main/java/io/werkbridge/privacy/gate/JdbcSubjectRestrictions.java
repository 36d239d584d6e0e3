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

    public void add(String subjectRef, String purpose, Kind kind) {
        jdbc.update("INSERT INTO subject_restriction (subject_ref, purpose, kind, created_at) VALUES (:s, :p, :k, :t)",
                new MapSqlParameterSource("s", subjectRef).addValue("p", purpose).addValue("k", kind.id())
                        .addValue("t", Timestamp.from(Instant.now())));
    }

    public int lift(String subjectRef, String purpose, Kind kind) {
        return jdbc.update("DELETE FROM subject_restriction WHERE subject_ref = :s AND purpose = :p AND kind = :k",
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
