package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 address literals, with an optional prefix length ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}).
 *
 * <p>Any dotted quad of numbers 0-255 is an IPv4 address, also where it might have been meant as a
 * version ({@code 1.2.3.4}): the text cannot tell the two apart, and passing an address on is the
 * worse mistake. A fifth part ({@code 1.2.3.4.5}) or a letter in front ({@code v1.2.3.4}) makes it
 * something else. IPv6 needs two or more colons, at least one hex digit and a parse as an RFC 4291
 * literal, so times ({@code 10:15:30}) and MAC addresses ({@code 00:1a:2b:3c:4d:5e}) stay.
 */
final class IpFinder {

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])\\d{1,3}+(?:\\.\\d{1,3}+){3}+");

    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_:.])[0-9A-Fa-f]{0,4}+:[0-9A-Fa-f:.]++");

    private IpFinder() {
    }

    static void find(String text, List<Finding> out, boolean withIpv6) {
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            int start = v4.start();
            if (IpLiterals.parse(text, start, v4.end()) != null) {
                addWithPrefix(text, start, v4.end(), 32, out);
            }
        }
        if (!withIpv6) {
            return;
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            int start = v6.start();
            int end = trimTrailingPunctuation(text, start, v6.end());
            if (hasTwoColonsAndAHexDigit(text, start, end)
                    && IpLiterals.parse(text, start, end) != null) {
                addWithPrefix(text, start, end, 128, out);
            }
        }
    }

    /** A sentence may end right after an address: "... from 2001:db8::1." or "fe80::1:". */
    private static int trimTrailingPunctuation(String text, int start, int end) {
        int e = end;
        while (e > start && text.charAt(e - 1) == '.') {
            e--;
        }
        if (e - start >= 2 && text.charAt(e - 1) == ':' && text.charAt(e - 2) != ':') {
            e--;
        }
        return e;
    }

    private static boolean hasTwoColonsAndAHexDigit(String text, int start, int end) {
        int colons = 0;
        boolean hex = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colons++;
            } else {
                hex = true;
            }
        }
        return colons >= 2 && hex;
    }

    /** Adds the address, taking in a "/nn" prefix length if one follows; checks the right boundary. */
    private static void addWithPrefix(String text, int start, int end, int maxPrefix, List<Finding> out) {
        int prefixEnd = prefixEnd(text, end, maxPrefix);
        if (prefixEnd > end && endsHere(text, prefixEnd)) {
            out.add(new Finding(start, prefixEnd, Kind.IP));
        } else if (endsHere(text, end)) {
            out.add(new Finding(start, end, Kind.IP));
        }
    }

    /**
     * Not followed by a letter, digit or underscore, nor by "." and a digit (a fifth part), nor by ","
     * and a digit (the decimals of an amount such as 1.100.200.250,00). Unlike the other number rules
     * a dash may follow, so both ends of a range "10.0.0.1-10.0.0.20" are found.
     */
    private static boolean endsHere(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        boolean digitAfter = end + 1 < text.length() && Boundaries.isDigit(text.charAt(end + 1));
        return !Boundaries.isWordChar(next) && !((next == '.' || next == ',') && digitAfter);
    }

    private static int prefixEnd(String text, int end, int maxPrefix) {
        if (end >= text.length() || text.charAt(end) != '/') {
            return end;
        }
        int i = end + 1;
        int value = 0;
        while (i < text.length() && i - end <= 3 && Boundaries.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return i > end + 1 && value <= maxPrefix ? i : end;
    }
}
