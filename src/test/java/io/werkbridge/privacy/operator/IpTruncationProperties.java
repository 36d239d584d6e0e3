package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.privacy.text.IpLiterals;
import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** truncate-ip never lets a host part through, whatever form the address is written in. */
class IpTruncationProperties {

    @Property(tries = 1000)
    void ipv4OutputHoldsOnlyTheFirstThreeOctets(
            @ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
            @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(min = 1, max = 255) int host) {
        String truncated = IpTruncation.truncate(a + "." + b + "." + c + "." + host);

        assertThat(truncated).isEqualTo(a + "." + b + "." + c + ".0");
        assertThat(truncated).doesNotEndWith("." + host);
    }

    @Property(tries = 1000)
    void ipv6OutputHoldsOnlyTheFirst48Bits(@ForAll("ipv6Addresses") byte[] address, @ForAll("ipv6Writers") int style) {
        String truncated = IpTruncation.truncate(write(address, style));

        byte[] parsed = IpLiterals.parse(truncated);
        assertThat(parsed).hasSize(16);
        assertThat(Arrays.copyOfRange(parsed, 0, 6)).isEqualTo(Arrays.copyOfRange(address, 0, 6));
        assertThat(Arrays.copyOfRange(parsed, 6, 16)).containsOnly((byte) 0);
        // textually too: nothing after the /48 prefix but the "::" that stands for zeros
        assertThat(truncated).isEqualTo(IpLiterals.format(parsed));
    }

    /** Random addresses whose host part is not zero and that are not IPv4-mapped. */
    @Provide
    Arbitrary<byte[]> ipv6Addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16)
                .filter(bytes -> !IpLiterals.isIpv4Mapped(bytes))
                .map(bytes -> {
                    bytes[15] |= 1;
                    return bytes;
                });
    }

    @Provide
    Arbitrary<Integer> ipv6Writers() {
        return Arbitraries.integers().between(0, 2);
    }

    /** 0: RFC 5952, 1: full eight groups with leading zeros, 2: upper case. */
    private static String write(byte[] address, int style) {
        if (style == 0) {
            return IpLiterals.format(address);
        }
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                full.append(':');
            }
            full.append(String.format("%02x%02x", address[i], address[i + 1]));
        }
        return style == 1 ? full.toString() : IpLiterals.format(address).toUpperCase(Locale.ROOT);
    }
}
