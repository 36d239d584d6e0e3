package io.werkbridge.privacy.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of one disclosure record: SHA-256 (hex) over a canonical serialisation of its stored columns and the
 * previous record's hash. Each value is written as {@code name=length:value} on its own line ({@code name=~} for
 * NULL), so no two different rows serialise alike whatever characters the values contain.
 */
public final class DisclosureHash {

    /** The {@code prev_hash} of the first record of the chain. */
    public static final String GENESIS = "0".repeat(64);

    /** The hashed columns, in serialisation order. */
    public static final List<String> COLUMNS = List.of("occurred_at", "message_id", "entity_type", "entity_key",
            "subject_refs", "destination", "processor", "purpose", "legal_basis", "categories_sent",
            "categories_masked", "categories_dropped", "unclassified_fields", "policy_version");

    private static final String FORMAT = "werkbridge-disclosure-v1\n";

    private DisclosureHash() {
    }

    /**
     * @param values the stored values of {@link #COLUMNS}, in that order ({@code occurred_at} as an ISO-8601 instant)
     * @param prevHash the previous record's hash, or {@link #GENESIS}
     */
    public static String of(List<String> values, String prevHash) {
        if (values.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " column values, got " + values.size());
        }
        StringBuilder canonical = new StringBuilder(FORMAT);
        for (int i = 0; i < values.size(); i++) {
            append(canonical, COLUMNS.get(i), values.get(i));
        }
        append(canonical, "prev_hash", prevHash);
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }
}
