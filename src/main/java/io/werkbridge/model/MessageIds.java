package io.werkbridge.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Message ids: time-ordered UUIDs, version 7 of RFC 9562 (48 bits of Unix time in milliseconds, then 74 random
 * bits). Ids made later sort later, so the database indexes keyed by message id (the delivery ledger, the disclosure
 * log) take new rows at their end, as with a sequence, instead of at a random page each: a group commit then
 * rewrites a few pages instead of one per row, and the ledger lookup of a message that is just being delivered finds
 * its page in the cache. Ids that come from outside (a canonical message published by another system) are kept as
 * they are. An id shows the millisecond it was made, which says no more than the hub's publication time that every
 * destination receives anyway; it is not personal data.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    /** A new id, made now. */
    public static String next() {
        return next(Clock.systemUTC()).toString();
    }

    static UUID next(Clock clock) {
        long millis = clock.millis();
        long randomA = RANDOM.nextLong();
        long randomB = RANDOM.nextLong();
        long high = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long low = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
