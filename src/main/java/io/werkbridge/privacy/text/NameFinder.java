package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names a record carries ("Erika", "Mustermann", "Müller-Lüdenscheidt", "Erika Mustermann"),
 * as whole words, ignoring case ({@code MÜLLER} matches {@code Müller}). A name of several words
 * matches with any run of whitespace between them. Names shorter than two code points, null or
 * blank ones are ignored.
 *
 * <p>Case is compared code point by code point as {@link String#regionMatches(boolean, int, String,
 * int, int)} does, so {@code ß} does not match {@code SS}; text and names are expected in the same
 * Unicode normal form (NFC, as JSON from the ERP arrives).
 */
final class NameFinder {

    private static final NameFinder NONE = new NameFinder(List.of());

    private final List<String> names;
    /** The case-folded first code point of each name, to pass over most positions at once. */
    private final int[] firsts;

    /** Which ASCII characters can start a name, in either case; any other character might. */
    private final boolean[] asciiStarts = new boolean[128];

    private NameFinder(List<String> names) {
        this.names = names;
        this.firsts = new int[names.size()];
        for (int n = 0; n < firsts.length; n++) {
            firsts[n] = fold(names.get(n).codePointAt(0));
        }
        // an ASCII character folds to its lower case, so it can start a name exactly when that is a folded first
        for (int first : firsts) {
            if (first < 128) {
                asciiStarts[first] = true;
                if (first >= 'a' && first <= 'z') {
                    asciiStarts[first - ('a' - 'A')] = true;
                }
            }
        }
    }

    /** A cheap pre-check: false only where no name can start with {@code c}. */
    boolean mayStartWith(char c) {
        return firsts.length > 0 && (c >= 128 || asciiStarts[c]);
    }

    static NameFinder of(Collection<String> namesInRecord) {
        List<String> names = usableNames(namesInRecord);
        return names.isEmpty() ? NONE : new NameFinder(names);
    }

    /**
     * Reports a name that starts at {@code i} as a whole word. Call it at least wherever the previous
     * character is no letter or digit; it checks the word boundary itself.
     */
    void findAt(String text, int i, List<Finding> out) {
        if (firsts.length == 0) {
            return;
        }
        int folded = fold(text.codePointAt(i));
        for (int n = 0; n < firsts.length; n++) {
            if (firsts[n] == folded && atWordStart(text, i)) {
                int end = matchAt(text, i, names.get(n));
                if (end > 0) {
                    out.add(new Finding(i, end, Kind.NAME));
                    return;
                }
            }
        }
    }

    /** Trimmed names of two or more code points, longest first so "Anna Maria" wins over "Anna". */
    private static List<String> usableNames(Collection<String> namesInRecord) {
        List<String> names = new ArrayList<>(namesInRecord.size());
        for (String name : namesInRecord) {
            if (name == null) {
                continue;
            }
            String trimmed = name.strip();
            if (trimmed.codePointCount(0, trimmed.length()) >= 2) {
                names.add(trimmed);
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }

    private static boolean atWordStart(String text, int index) {
        return index == 0 || !isWordCodePoint(text.codePointBefore(index));
    }

    /** The end of {@code name} matched at {@code start} as a whole word, or -1. */
    private static int matchAt(String text, int start, String name) {
        int t = start;
        int n = 0;
        while (n < name.length()) {
            if (t >= text.length()) {
                return -1;
            }
            int nameCp = name.codePointAt(n);
            if (Character.isWhitespace(nameCp)) {
                if (!Character.isWhitespace(text.codePointAt(t))) {
                    return -1;
                }
                n = skipWhitespace(name, n);
                t = skipWhitespace(text, t);
                continue;
            }
            int textCp = text.codePointAt(t);
            if (!sameIgnoringCase(nameCp, textCp)) {
                return -1;
            }
            n += Character.charCount(nameCp);
            t += Character.charCount(textCp);
        }
        return t == text.length() || !isWordCodePoint(text.codePointAt(t)) ? t : -1;
    }

    private static int skipWhitespace(String s, int index) {
        int i = index;
        while (i < s.length() && Character.isWhitespace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    private static boolean sameIgnoringCase(int a, int b) {
        return a == b || fold(a) == fold(b);
    }

    /** Case folding as {@code regionMatches(true, ...)} does it, with a fast path for ASCII. */
    private static int fold(int codePoint) {
        if (codePoint < 128) {
            return codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint;
        }
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** Letters, digits and combining marks belong to a word; so a name never matches inside one. */
    private static boolean isWordCodePoint(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
    }
}
