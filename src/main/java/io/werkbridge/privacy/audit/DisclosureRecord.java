package io.werkbridge.privacy.audit;

import java.time.Instant;
import java.util.Set;

/** One delivery to one destination: what categories went where, under which policy. Never the values. */
public record DisclosureRecord(
        Instant occurredAt,
        String messageId,
        String entityType,
        String entityKey,
        Set<String> subjectRefs,
        String destination,
        String processor,
        String purpose,
        String legalBasis,
        Set<String> categoriesSent,
        Set<String> categoriesMasked,
        Set<String> categoriesDropped,
        Set<String> unclassifiedFields,
        String policyVersion) {
}
