package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers in international ({@code +49 521 1234567}, {@code +49 (0)521 123-4567},
 * {@code 0049 521 1234567}) and German national notation ({@code 0521 1234567}, {@code 0521/123456},
 * {@code 0521-123456}, {@code (0521) 12 34 56}, {@code 01711234567}).
 *
 * <p>The patterns only match runs of digit groups that start like a phone number (a {@code +}, an
 * {@code 00} or a {@code 0} followed by a non-zero digit); the rules that decide are in code:
 * a plausible number of digits, an assigned country calling code, an area code of 3 to 6 digits
 * whose subscriber number does not start with 0, at most one dash and one slash in a national or
 * {@code 00} number (so {@code 0815-4711-0001} is a part number), no date shape, and a boundary on
 * both sides. A run that fails as a whole is cut back group by group, longest first, so a number
 * followed by a year is still found.
 */
final class PhoneFinder {

    /** At most this many digit groups follow the first one; bounds the work per candidate. */
    private static final String TAIL_GROUPS = "{0,7}+";

    /** Matched only where a token starts with + or 00; see {@link #findAt}. */
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?:\\+|00)[1-9]\\d*+(?:(?: ?\\(0\\) ?| ?[/-] ?|[ .])\\d++)" + TAIL_GROUPS);

    /** Matched only where a token starts with 0 or (0; see {@link #findAt}. */
    private static final Pattern NATIONAL = Pattern.compile(
            "(?:\\(0[1-9]\\d*+\\) ?\\d++|0[1-9]\\d*+)(?: ?[/-] ?\\d++| \\d++)" + TAIL_GROUPS);

    private final String text;
    private Matcher international;
    private Matcher national;

    /** A finder for one text; the matchers are made on first use, as most texts need none. */
    PhoneFinder(String text) {
        this.text = text;
    }

    /**
     * At a token start (one not glued to a word or a {@code +}): tries the patterns anchored here if
     * the character can open a phone number ({@code +}, {@code 0}, {@code (}). The regex engine never
     * walks the text by itself, which would cost it a try at every position. Every token start
     * inside a run is tried too, so "0521 123456 0171 1234567" yields both numbers.
     */
    void findAt(int i, char previous, List<Finding> out) {
        char c = text.charAt(i);
        if (c != '+' && c != '0' && c != '(' || previous == '+') {
            return;
        }
        int length = text.length();
        boolean doubleZero = c == '0' && i + 1 < length && text.charAt(i + 1) == '0';
        if (c == '+' || doubleZero) {
            if (international == null) {
                international = INTERNATIONAL.matcher(text);
            }
            if (international.region(i, length).lookingAt()) {
                addLongestValid(text, i, international.end(), true, out);
            }
        } else {
            if (national == null) {
                national = NATIONAL.matcher(text);
            }
            if (national.region(i, length).lookingAt()) {
                addLongestValid(text, i, national.end(), false, out);
            }
        }
    }

    /** The run [start, runEnd) cut back at group ends, longest first, until it is a valid number. */
    private static void addLongestValid(String text, int start, int runEnd, boolean international, List<Finding> out) {
        if (!Boundaries.leftOk(text, start)) {
            return;
        }
        DigitGroups groups = DigitGroups.of(text, start, runEnd);
        for (int last = groups.count() - 1; last >= 0; last--) {
            boolean valid = international
                    ? validInternational(text, start, groups, last)
                    : validNational(text, start, groups, last);
            if (valid && Boundaries.rightOk(text, groups.end(last))) {
                out.add(new Finding(start, groups.end(last), Kind.PHONE));
                return;
            }
        }
    }

    private static boolean validInternational(String text, int start, DigitGroups groups, int last) {
        boolean plus = text.charAt(start) == '+';
        int digits = groups.digits(0, last) - (plus ? 0 : 2);
        if (last == 0) {
            // unseparated: only "+4952112345678"; "0049..." without any grouping is too often a serial number
            return plus && digits >= 9 && digits <= 15 && plausibleCountryAndNumber(text, groups, 0, true);
        }
        if (digits < 7 || digits > 15 || groups.looksLikeDate(0, last)) {
            return false;
        }
        int dashes = 0;
        for (int g = 1; g <= last; g++) {
            if (g > 1 && groups.countBefore(g, '(') > 0) {
                return false; // the trunk "(0)" only stands right after the country code
            }
            dashes += groups.countBefore(g, '-');
        }
        // "0031-2345-6789" is a part number as often as a phone number; "+31-23-456789" is not
        return (plus || dashes <= 1) && plausibleCountryAndNumber(text, groups, last, plus);
    }

    /**
     * An assigned country calling code, and a national number that does not start with 0 (except in
     * Italy, San Marino and the Vatican, which keep it). After a {@code +} a single 0 is tolerated, as
     * people write {@code +49 0521 ...}; {@code 00} is not, so {@code 0010 0000 0000} stays.
     */
    private static boolean plausibleCountryAndNumber(String text, DigitGroups groups, int last, boolean plus) {
        StringBuilder digits = new StringBuilder(16);
        for (int g = 0; g <= last; g++) {
            digits.append(text, groups.start(g), groups.end(g));
        }
        if (!plus) {
            digits.delete(0, 2);
        }
        int codeLength = CountryCallingCodes.lengthAt(digits);
        if (codeLength == 0 || codeLength >= digits.length()) {
            return false;
        }
        if (digits.charAt(codeLength) != '0') {
            return true;
        }
        String code = digits.substring(0, codeLength);
        boolean keepsTrunkZero = code.equals("39") || code.equals("378") || code.equals("379");
        boolean secondZero = codeLength + 1 < digits.length() && digits.charAt(codeLength + 1) == '0';
        return keepsTrunkZero || plus && !secondZero;
    }

    private static boolean validNational(String text, int start, DigitGroups groups, int last) {
        boolean parenthesised = text.charAt(start) == '(';
        int digits = groups.digits(0, last);
        if (last == 0) {
            return !parenthesised && validUnseparatedNational(text, groups.start(0), digits);
        }
        int areaCode = groups.length(0);
        if (areaCode < 3 || areaCode > 6 || digits < 7 || digits > 14 || groups.firstDigit(1) == '0') {
            return false;
        }
        int dashes = 0;
        int slashes = 0;
        for (int g = 1; g <= last; g++) {
            dashes += groups.countBefore(g, '-');
            int slash = groups.countBefore(g, '/');
            if (slash > 0 && g > 1) {
                return false; // a slash only separates the area code
            }
            slashes += slash;
        }
        return dashes <= 1 && slashes <= 1 && !groups.looksLikeDate(0, last);
    }

    /** {@code 01711234567} (mobile, 015x-017x) or {@code 05211234567}: 10 to 12 digits. */
    private static boolean validUnseparatedNational(String text, int start, int digits) {
        if (digits < 10 || digits > 12) {
            return false;
        }
        if (text.charAt(start + 1) == '1') {
            char third = text.charAt(start + 2);
            return digits >= 11 && third >= '5' && third <= '7';
        }
        return true;
    }
}
