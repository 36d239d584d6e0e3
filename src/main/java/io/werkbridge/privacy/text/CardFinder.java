package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, first digit not 0, Luhn-valid, written unseparated or in
 * groups (4-4-4-4, Amex 4-6-5, 4-4-4-4-3, 4-4-4-1) joined by one kind of separator, a space or a
 * dash.
 *
 * <p>Every stretch of a digit run that qualifies is reported; overlapping stretches are merged by the
 * scanner, so a card number next to other numbers ({@code 2026 4111 1111 1111 1111}) is covered even
 * when a shifted stretch also happens to pass Luhn. A 14-digit compact timestamp
 * ({@code 20261120101500}) is not a card number.
 */
final class CardFinder {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private static final Pattern COMPACT_TIMESTAMP = Pattern.compile(
            "(?:19|20)\\d\\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d");

    private CardFinder() {
    }

    /**
     * At a token start: if a run of digit groups joined by single spaces or dashes starts here,
     * reports the card numbers in it and returns the run's end, so the caller skips the rest of the
     * run; otherwise returns {@code start + 1}.
     */
    static int findAt(String text, int start, List<Finding> out) {
        if (!Boundaries.isDigit(text.charAt(start))) {
            return start + 1;
        }
        int end = runEnd(text, start);
        if (end - start >= MIN_DIGITS) {
            findInRun(text, DigitGroups.of(text, start, end), out);
        }
        return end;
    }

    /** The end of {@code \d+([ -]\d+)*} starting at {@code start}. */
    private static int runEnd(String text, int start) {
        int end = start;
        while (end < text.length()) {
            char c = text.charAt(end);
            boolean joint = (c == ' ' || c == '-') && end + 1 < text.length() && Boundaries.isDigit(text.charAt(end + 1));
            if (!Boundaries.isDigit(c) && !joint) {
                break;
            }
            end += joint ? 2 : 1;
        }
        return end;
    }

    private static void findInRun(String text, DigitGroups groups, List<Finding> out) {
        for (int first = 0; first < groups.count(); first++) {
            boolean mayStart = first == 0 ? Boundaries.leftOk(text, groups.start(0)) : groups.spaceBefore(first);
            if (!mayStart || groups.firstDigit(first) == '0') {
                continue;
            }
            char separator = 0;
            int digits = 0;
            for (int last = first; last < groups.count(); last++) {
                if (last > first) {
                    char joint = text.charAt(groups.end(last - 1));
                    if (separator == 0) {
                        separator = joint;
                    }
                    if (joint != separator || !groupedLikeACard(groups, first, last)) {
                        break;
                    }
                }
                digits += groups.length(last);
                if (digits > MAX_DIGITS) {
                    break;
                }
                int start = groups.start(first);
                int end = groups.end(last);
                if (digits >= MIN_DIGITS && Boundaries.rightOk(text, end)
                        && Checksums.luhnValid(text.subSequence(start, end))
                        && !(first == last && COMPACT_TIMESTAMP.matcher(text).region(start, end).matches())) {
                    out.add(new Finding(start, end, Kind.CARD));
                }
            }
        }
    }

    /**
     * Grouped card numbers start with a group of 4 to 6 digits, continue with groups of 3 to 6 and
     * may end with a shorter one (a 13-digit number written 4-4-4-1).
     */
    private static boolean groupedLikeACard(DigitGroups groups, int first, int last) {
        int head = groups.length(first);
        int previous = groups.length(last - 1);
        int group = groups.length(last);
        return head >= 4 && head <= 6 && (last - 1 == first || previous >= 3) && group <= 6;
    }
}
