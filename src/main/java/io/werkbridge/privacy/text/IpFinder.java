package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;

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

    private IpFinder() {
    }

    /**
     * At a token start (one not glued to a word): a digit not after a dot may open an IPv4 address
     * ({@code IP:203.0.113.77} is fine); a hex digit or colon not after a dot or colon may open an
     * IPv6 address if a colon follows within five characters. Only then is a literal parsed.
     */
    static void findAt(String text, int i, char previous, List<Finding> out) {
        char c = text.charAt(i);
        if (!isHex(c) && c != ':' || previous == '.') {
            return;
        }
        int v4End = Boundaries.isDigit(c) ? dottedQuadEnd(text, i) : -1;
        if (v4End > 0 && IpLiterals.parse(text, i, v4End) != null) {
            addWithPrefix(text, i, v4End, 32, out);
        } else if (previous != ':' && colonWithinFive(text, i)) {
            int end = trimTrailingPunctuation(text, i, ipv6RunEnd(text, i));
            if (hasTwoColonsAndAHexDigit(text, i, end) && IpLiterals.parse(text, i, end) != null) {
                addWithPrefix(text, i, end, 128, out);
            }
        }
    }

    /** The end of four dot-separated parts of one to three digits from {@code start}, or -1. */
    private static int dottedQuadEnd(String text, int start) {
        int position = start;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (position >= text.length() || text.charAt(position) != '.') {
                    return -1;
                }
                position++;
            }
            int partStart = position;
            while (position < text.length() && position - partStart < 4 && Boundaries.isDigit(text.charAt(position))) {
                position++;
            }
            int digits = position - partStart;
            if (digits == 0 || digits == 4) {
                return -1;
            }
        }
        return position;
    }

    private static boolean colonWithinFive(String text, int start) {
        for (int i = start; i < Math.min(start + 5, text.length()); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isHex(c)) {
                return false;
            }
        }
        return false;
    }

    private static int ipv6RunEnd(String text, int start) {
        int end = start;
        while (end < text.length() && (isHex(text.charAt(end)) || text.charAt(end) == ':' || text.charAt(end) == '.')) {
            end++;
        }
        return end;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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
