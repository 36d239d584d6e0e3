package io.werkbridge.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Message ids: time-ordered UUIDs, version 7 of RFC 9562 (48 bits of Unix time in milliseconds, then 74 random
 * bits). Ids made later sort later, so the database indexes keyed by message id (the delivery ledger, the disclosure
 * log) take new rows at their end, as with a sequence, instead of at a random page each: a group commit then
 * rewrites a few pages instead of one per row, and the ledger lookup of a message that is just being delivered finds
 * its page in the cache. Ids that come from outside (a canonical message published by another system) are kept as
 * they are; a shop order or portal ticket gets an id derived from its content ({@link #of}), so a repeated request is
 * the same message. An id shows the millisecond it was made, which says no more than the hub's publication time that every
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

    /**
     * The id of a message that its source may send again (a shop or portal that got no answer repeats its request,
     * a webhook is retried): the same content from the same source always gets the same id, so the broker's duplicate
     * detection and the delivery ledger pass it on once, and the destination sees one Idempotency-Key. A name-based
     * UUID (version 5 of RFC 9562: SHA-1 of the source and the content's JSON text); a changed content is a new
     * message.
     */
    public static String of(String source, JsonNode content) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        sha1.update(source.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) 0);
        byte[] hash = sha1.digest(CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
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
