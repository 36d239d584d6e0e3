package io.werkbridge.privacy.audit;

import java.sql.Timestamp;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Appends disclosure records to the {@code disclosure} table. */
public final class DisclosureLog {

    private final JdbcTemplate jdbc;

    public DisclosureLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(DisclosureRecord r) {
        jdbc.update("""
                INSERT INTO disclosure (occurred_at, message_id, entity_type, entity_key, subject_refs, destination,
                    processor, purpose, legal_basis, categories_sent, categories_masked, categories_dropped,
                    unclassified_fields, policy_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(r.occurredAt()), r.messageId(), r.entityType(), r.entityKey(), join(r.subjectRefs()),
                r.destination(), r.processor(), r.purpose(), r.legalBasis(), join(r.categoriesSent()),
                join(r.categoriesMasked()), join(r.categoriesDropped()), join(r.unclassifiedFields()), r.policyVersion());
    }

    private static String join(Set<String> values) {
        return String.join(",", values);
    }
}
