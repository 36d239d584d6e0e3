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
 * <p>The patterns only find runs of digit groups that start like a phone number (a {@code +}, an
 * {@code 00} or a {@code 0} followed by a non-zero digit); the rules that decide are in code:
 * a plausible number of digits, an assigned country calling code, an area code of 3 to 6 digits
 * whose subscriber number does not start with 0, at most one dash and one slash in a national or
 * {@code 00} number (so {@code 0815-4711-0001} is a part number), no date shape, and a boundary on
 * both sides. A run that fails as a whole is cut back at
 * single spaces, longest first, so a number followed by a year is still found.
 */
final class PhoneFinder {

    /** At most this many digit groups follow the first one; bounds the work per candidate. */
    private static final String TAIL_GROUPS = "{0,7}+";

    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?:\\+|00)[1-9]\\d*+"
                    + "(?:(?: ?\\(0\\) ?| ?[/-] ?|[ .])\\d++)" + TAIL_GROUPS);

    private static final Pattern NATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?:\\(0[1-9]\\d*+\\) ?\\d++|0[1-9]\\d*+)"
                    + "(?: ?[/-] ?\\d++| \\d++)" + TAIL_GROUPS);

    private PhoneFinder() {
    }

    static void find(String text, List<Finding> out) {
        scan(text, INTERNATIONAL, true, out);
        scan(text, NATIONAL, false, out);
    }

    private static void scan(String text, Pattern pattern, boolean international, List<Finding> out) {
        Matcher matcher = pattern.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = matcher.start();
            DigitGroups groups = DigitGroups.of(text, start, matcher.end());
            if (Boundaries.leftOk(text, start)) {
                for (int last = groups.count() - 1; last >= 0; last--) {
                    boolean valid = international
                            ? validInternational(text, start, groups, last)
                            : validNational(text, start, groups, last);
                    if (valid && Boundaries.rightOk(text, groups.end(last))) {
                        out.add(new Finding(start, groups.end(last), Kind.PHONE));
                        break;
                    }
                }
            }
            from = nextStart(groups, matcher.end());
        }
    }

    /** Another number may begin after a single space inside this run ("0521 123456 0171 1234567"). */
    private static int nextStart(DigitGroups groups, int runEnd) {
        for (int g = 1; g < groups.count(); g++) {
            if (groups.spaceBefore(g)) {
                return groups.start(g);
            }
        }
        return runEnd;
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
            CharSequence separator = groups.separatorBefore(g);
            if (g > 1 && contains(separator, '(')) {
                return false; // the trunk "(0)" only stands right after the country code
            }
            dashes += count(separator, '-');
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
            CharSequence separator = groups.separatorBefore(g);
            dashes += count(separator, '-');
            int slash = count(separator, '/');
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

    private static boolean contains(CharSequence s, char c) {
        return count(s, c) > 0;
    }

    private static int count(CharSequence s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
