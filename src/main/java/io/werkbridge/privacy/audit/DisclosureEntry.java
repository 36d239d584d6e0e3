package io.werkbridge.privacy.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A disclosure record as read back from the log, with its place in the hash chain. */
public record DisclosureEntry(
        long id,
        Instant occurredAt,
        String messageId,
        String entityType,
        String entityKey,
        List<String> subjectRefs,
        String destination,
        String processor,
        String purpose,
        String legalBasis,
        List<String> categoriesSent,
        List<String> categoriesMasked,
        List<String> categoriesDropped,
        List<String> unclassifiedFields,
        String policyVersion,
        String prevHash,
        String recordHash) {

    static DisclosureEntry of(StoredDisclosure row) {
        return new DisclosureEntry(row.id(), Instant.parse(row.value("occurred_at")), row.value("message_id"),
                row.value("entity_type"), row.value("entity_key"), split(row.value("subject_refs")),
                row.value("destination"), row.value("processor"), row.value("purpose"), row.value("legal_basis"),
                split(row.value("categories_sent")), split(row.value("categories_masked")),
                split(row.value("categories_dropped")), split(row.value("unclassified_fields")),
                row.value("policy_version"), row.prevHash(), row.recordHash());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
    }
}
