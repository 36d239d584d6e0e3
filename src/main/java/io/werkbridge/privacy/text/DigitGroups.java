package io.werkbridge.privacy.text;

import java.util.Arrays;

/**
 * The runs of digits inside a number-like candidate ({@code "0521 12 34-56"} has the groups
 * {@code 0521}, {@code 12}, {@code 34}, {@code 56}) and what stands between them. A trunk zero
 * written {@code (0)} is counted as separator, not as a group.
 */
final class DigitGroups {

    private final CharSequence text;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    private DigitGroups(CharSequence text, int[] starts, int[] ends, int count) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    static DigitGroups of(CharSequence text, int from, int to) {
        int capacity = 4;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '(' && i + 2 < to && text.charAt(i + 1) == '0' && text.charAt(i + 2) == ')') {
                i += 3;
                continue;
            }
            if (!Boundaries.isDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && Boundaries.isDigit(text.charAt(i))) {
                i++;
            }
            if (count == capacity) {
                capacity *= 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return new DigitGroups(text, starts, ends, count);
    }

    int count() {
        return count;
    }

    int start(int group) {
        return starts[group];
    }

    int end(int group) {
        return ends[group];
    }

    int length(int group) {
        return ends[group] - starts[group];
    }

    char firstDigit(int group) {
        return text.charAt(starts[group]);
    }

    /** How often {@code c} stands between group {@code group - 1} and group {@code group}; group >= 1. */
    int countBefore(int group, char c) {
        int n = 0;
        for (int i = ends[group - 1]; i < starts[group]; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The single character between group {@code group - 1} and {@code group}, or 0 if there are more or none. */
    private char singleSeparatorBefore(int group) {
        return starts[group] - ends[group - 1] == 1 ? text.charAt(ends[group - 1]) : 0;
    }

    /** Whether exactly one space stands before {@code group}: the only place a new finding may start inside a run. */
    boolean spaceBefore(int group) {
        return starts[group] - ends[group - 1] == 1 && text.charAt(ends[group - 1]) == ' ';
    }

    /**
     * Whether groups {@code first..last} are written like a date: three groups joined by the same one
     * of {@code - / .}, shaped year-month-day ({@code 2026-11-20}) or day-month-year
     * ({@code 20.11.2026}, {@code 11/20/2026}).
     */
    boolean looksLikeDate(int first, int last) {
        if (last - first != 2) {
            return false;
        }
        char a = singleSeparatorBefore(first + 1);
        if (a != singleSeparatorBefore(first + 2) || a != '-' && a != '/' && a != '.') {
            return false;
        }
        int x = length(first);
        int y = length(first + 1);
        int z = length(first + 2);
        boolean yearFirst = x == 4 && y <= 2 && z <= 2;
        boolean yearLast = x <= 2 && y <= 2 && (z == 4 || z == 2);
        return yearFirst || yearLast;
    }

    /** Total number of digits in groups {@code first..last}. */
    int digits(int first, int last) {
        int sum = 0;
        for (int g = first; g <= last; g++) {
            sum += length(g);
        }
        return sum;
    }
}
