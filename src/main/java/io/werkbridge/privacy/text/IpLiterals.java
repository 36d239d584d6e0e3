package io.werkbridge.privacy.text;

import java.util.Objects;

/**
 * Parses and prints IPv4 and IPv6 address literals without any name resolution (unlike
 * {@code InetAddress.getByName}, which would look a non-literal up in DNS).
 *
 * <p>IPv4: four decimal parts 0-255 of one to three digits ({@code 010} is read as ten, not as
 * octal). IPv6: the RFC 4291 text forms: up to eight groups of one to four hex digits, at most one
 * {@code ::}, optionally ending in a dotted IPv4 quad. No zone index, no brackets, no prefix length.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The 4 or 16 address bytes of {@code literal}, or null if it is not an address literal. */
    public static byte[] parse(CharSequence literal) {
        Objects.requireNonNull(literal, "literal");
        return parse(literal, 0, literal.length());
    }

    /** Like {@link #parse(CharSequence)} for {@code text[start, end)}. */
    public static byte[] parse(CharSequence text, int start, int end) {
        Objects.requireNonNull(text, "text");
        Objects.checkFromToIndex(start, end, text.length());
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text, start, end);
            }
        }
        byte[] v4 = new byte[4];
        return parseIpv4(text, start, end, v4, 0) ? v4 : null;
    }

    /**
     * RFC 5952 text of 4 or 16 address bytes: lower case, no leading zeros, the longest run of two or
     * more zero groups as {@code ::}; an IPv4-mapped address keeps its dotted tail
     * ({@code ::ffff:192.0.2.0}).
     */
    public static String format(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length == 4) {
            return formatIpv4(address, 0);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        if (isIpv4Mapped(address)) {
            return "::ffff:" + formatIpv4(address, 12);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Whether 16 address bytes are an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}). */
    public static boolean isIpv4Mapped(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static String formatIpv4(byte[] address, int offset) {
        return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "."
                + (address[offset + 2] & 0xff) + "." + (address[offset + 3] & 0xff);
    }

    private static boolean parseIpv4(CharSequence text, int start, int end, byte[] out, int offset) {
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3 || value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 3) {
                    return false;
                }
                out[offset + part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || part != 3) {
            return false;
        }
        out[offset + 3] = (byte) value;
        return true;
    }

    private static byte[] parseIpv6(CharSequence text, int start, int end) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = start;
        if (end - start >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        } else if (i < end && text.charAt(i) == ':') {
            return null;
        }
        byte[] address = new byte[16];
        while (i < end) {
            int groupStart = i;
            int value = 0;
            while (i < end && i - groupStart < 5 && hexValue(text.charAt(i)) >= 0) {
                value = value * 16 + hexValue(text.charAt(i));
                i++;
            }
            if (i < end && text.charAt(i) == '.') {
                // dotted IPv4 tail: takes the last two groups
                if (count > 6 || !parseIpv4(text, groupStart, end, address, 12)) {
                    return null;
                }
                groups[count++] = ((address[12] & 0xff) << 8) | (address[13] & 0xff);
                groups[count++] = ((address[14] & 0xff) << 8) | (address[15] & 0xff);
                i = end;
                break;
            }
            int length = i - groupStart;
            if (length == 0 || length > 4 || count == 8) {
                return null;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == end) {
                return null; // a single trailing ':'
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        for (int g = 0; g < 8; g++) {
            address[2 * g] = (byte) (full[g] >>> 8);
            address[2 * g + 1] = (byte) full[g];
        }
        return address;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
