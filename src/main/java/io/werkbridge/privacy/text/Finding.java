package io.werkbridge.privacy.text;

import java.util.Locale;
import java.util.Objects;

/**
 * One piece of personal data found in a text: the half-open range {@code [start, end)} of UTF-16
 * indexes and what kind it is. It holds no part of the value, so its {@code toString} is safe to log.
 */
public record Finding(int start, int end, Kind kind) {

    /** What was found, and the marker {@link PiiTextScanner#scrub} puts in its place. */
    public enum Kind {
        EMAIL, PHONE, IBAN, CARD, IP, NAME;

        private final String marker = "[" + name().toLowerCase(Locale.ROOT) + "]";

        /** {@code [email]}, {@code [phone]}, ... */
        public String marker() {
            return marker;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding needs 0 <= start < end");
        }
    }

    public int length() {
        return end - start;
    }
}
