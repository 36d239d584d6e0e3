package io.werkbridge.privacy.text;

/**
 * Where a number-like finding may start and end. A candidate glued to a word or to another number
 * is part of something bigger (an order number, a part number, a date, an amount) and is left alone.
 */
final class Boundaries {

    private Boundaries() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether a finding may start at {@code start}: not right after a letter, digit or underscore;
     * not after {@code -}, {@code /} or {@code +} that hang on a word ({@code ORD-2026-000123},
     * {@code A2C-123456789}); not after {@code .} or {@code ,} that follow a digit ({@code 1.234,56}).
     */
    static boolean leftOk(CharSequence text, int start) {
        if (start == 0) {
            return true;
        }
        char previous = text.charAt(start - 1);
        if (isWordChar(previous) || previous == '+') {
            return false;
        }
        boolean hasBefore = start >= 2;
        if (previous == '-' || previous == '/') {
            return !(hasBefore && isWordChar(text.charAt(start - 2)));
        }
        if (previous == '.' || previous == ',') {
            return !(hasBefore && isDigit(text.charAt(start - 2)));
        }
        return true;
    }

    /**
     * Whether a finding may end at {@code end}: not right before a letter, digit or underscore, nor
     * before {@code - / . ,} that continue into a word or number ({@code 0815-4711-0001},
     * {@code 20.11.2026}). A full stop or comma that ends a sentence or a list is fine.
     */
    static boolean rightOk(CharSequence text, int end) {
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (isWordChar(next)) {
            return false;
        }
        if (next == '-' || next == '/' || next == '.' || next == ',') {
            return !(end + 1 < text.length() && isWordChar(text.charAt(end + 1)));
        }
        return true;
    }
}
