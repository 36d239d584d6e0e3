package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;

/**
 * E-mail addresses, found from each {@code @} outwards rather than by a pattern tried at every
 * position: the local part is the run of letters, digits and {@code . _ % + - '} before it (leading
 * dots and quotes dropped), the domain two or more labels of letters, digits and hyphens after it,
 * the last one at least two letters. Work is linear in the text length, as no character is looked at
 * from more than two {@code @}.
 */
final class EmailFinder {

    private EmailFinder() {
    }

    static void find(String text, List<Finding> out) {
        int previousAt = -1;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > previousAt + 1 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && (text.charAt(start) == '.' || text.charAt(start) == '\'')) {
                start++;
            }
            previousAt = at;
            if (start == at) {
                continue;
            }
            int end = domainEnd(text, at + 1);
            if (end > 0) {
                out.add(new Finding(start, end, Kind.EMAIL));
            }
        }
    }

    /** The end of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDomainChar(text.charAt(end))) {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= end; i++) {
            if (i < end && text.charAt(i) != '.') {
                continue;
            }
            if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                return -1;
            }
            labels++;
            if (i == end && !isTopLevelDomain(text, labelStart, i)) {
                return -1;
            }
            labelStart = i + 1;
        }
        return labels >= 2 ? end : -1;
    }

    private static boolean isTopLevelDomain(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                || c == '\'';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }
}
