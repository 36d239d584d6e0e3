package io.werkbridge.privacy.operator;

import io.werkbridge.privacy.text.IpLiterals;

/**
 * The {@code truncate-ip} action: keeps the network, drops the host.
 *
 * <ul>
 *   <li>IPv4 keeps /24: {@code 203.0.113.77 -> 203.0.113.0}.</li>
 *   <li>IPv6 keeps /48, the prefix a site is usually given: {@code 2001:db8:abcd:12:1::1 ->
 *       2001:db8:abcd::}; the result is printed in RFC 5952 form.</li>
 *   <li>An IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.77}) carries an IPv4 address and is
 *       truncated like one: {@code ::ffff:203.0.113.0}.</li>
 *   <li>A zone index ({@code fe80::1%eth0}) names a local interface, not a host, and is dropped.</li>
 * </ul>
 *
 * The input is parsed as a literal only: no DNS look-up ever happens, and a host name is rejected.
 */
public final class IpTruncation {

    private IpTruncation() {
    }

    /**
     * @param ip an IPv4 or IPv6 address literal; surrounding whitespace is ignored
     * @return the network part with the host part set to zero
     * @throws IllegalArgumentException if {@code ip} is null or not an address literal
     */
    public static String truncate(String ip) {
        if (ip == null) {
            throw new IllegalArgumentException("IP address must not be null");
        }
        String literal = ip.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.indexOf(':') >= 0) {
            literal = literal.substring(0, zone);
        }
        byte[] address = IpLiterals.parse(literal);
        if (address == null) {
            throw new IllegalArgumentException(
                    "not an IPv4 or IPv6 address literal (host names, brackets and prefix lengths are not accepted)");
        }
        if (address.length == 4) {
            address[3] = 0;
        } else if (IpLiterals.isIpv4Mapped(address)) {
            address[15] = 0;
        } else {
            for (int i = 6; i < 16; i++) {
                address[i] = 0;
            }
        }
        return IpLiterals.format(address);
    }
}
