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

    private NameFinder() {
    }

    static void find(String text, Collection<String> namesInRecord, List<Finding> out) {
        List<String> names = usableNames(namesInRecord);
        if (names.isEmpty()) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (!atWordStart(text, i)) {
                i += width;
                continue;
            }
            int end = -1;
            for (String name : names) {
                end = matchAt(text, i, name);
                if (end > 0) {
                    break;
                }
            }
            if (end > 0) {
                out.add(new Finding(i, end, Kind.NAME));
                i = end;
            } else {
                i += width;
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
        if (a == b) {
            return true;
        }
        int upperA = Character.toUpperCase(a);
        int upperB = Character.toUpperCase(b);
        return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
    }

    /** Letters, digits and combining marks belong to a word; so a name never matches inside one. */
    private static boolean isWordCodePoint(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
    }
}
