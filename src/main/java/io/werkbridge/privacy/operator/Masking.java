package io.werkbridge.privacy.operator;

/**
 * The {@code mask} action: keeps the last n characters, replaces every other one with {@code *}.
 *
 * <p>Characters are Unicode code points, so a character outside the Basic Multilingual Plane
 * (an emoji, a rare CJK ideograph) is one {@code *} and is never cut in half. The result has as many
 * code points as the value, so its length stays visible. Combining sequences ({@code e} + accent)
 * count as two characters.
 *
 * <p>If n is as large as the value or larger, keeping the last n would reveal all of it; the whole
 * value is masked instead. The action must never hand out a value unmasked.
 */
public final class Masking {

    private static final int MASK = '*';

    private Masking() {
    }

    /**
     * @param value the value to mask; not null
     * @param n how many trailing code points stay visible; 0 or more
     * @return the masked value: {@code keepLast("DE89370400440532013000", 4) -> "******************3000"},
     *     {@code keepLast("1234", 4) -> "****"}
     * @throws IllegalArgumentException if the value is null or n is negative
     */
    public static String keepLast(String value, int n) {
        if (value == null) {
            throw new IllegalArgumentException("value to mask must not be null");
        }
        if (n < 0) {
            throw new IllegalArgumentException("number of characters to keep must be 0 or more, was " + n);
        }
        int codePoints = value.codePointCount(0, value.length());
        int keep = n >= codePoints ? 0 : n;
        int maskedCount = codePoints - keep;
        int keptFrom = value.offsetByCodePoints(0, maskedCount);
        StringBuilder out = new StringBuilder(maskedCount + value.length() - keptFrom);
        for (int i = 0; i < maskedCount; i++) {
            out.appendCodePoint(MASK);
        }
        return out.append(value, keptFrom, value.length()).toString();
    }
}
