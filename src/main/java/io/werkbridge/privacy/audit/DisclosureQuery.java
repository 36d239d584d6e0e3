package io.werkbridge.privacy.audit;

import java.time.Instant;

/**
 * A search of the disclosure log; null criteria match everything.
 *
 * @param subject     a subject reference that must be one of a record's subject references
 * @param from        earliest {@code occurred_at}, inclusive
 * @param to          latest {@code occurred_at}, exclusive
 * @param limit       most records returned, 1 to {@link #MAX_LIMIT}
 */
public record DisclosureQuery(String subject, String destination, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public DisclosureQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
