package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTruncationTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.77, 203.0.113.0",
            "198.51.100.0, 198.51.100.0",
            "' 192.0.2.255 ', 192.0.2.0",
            "2001:db8:abcd:12:1::1, 2001:db8:abcd::",
            "2001:0DB8:ABCD:0012:0000:0000:0000:0001, 2001:db8:abcd::",
            "2001:db8::1, 2001:db8::",
            "2001:0:0:1::, 2001::",
            "::1, ::",
            "fe80::1%eth0, fe80::",
            "::ffff:203.0.113.77, ::ffff:203.0.113.0",
            "64:ff9b::192.0.2.33, 64:ff9b::"})
    void keepsTheNetworkAndZeroesTheHost(String ip, String truncated) {
        assertThat(IpTruncation.truncate(ip)).isEqualTo(truncated);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "example.com", "localhost", "203.0.113", "203.0.113.256", "[2001:db8::1]",
            "203.0.113.77/24", "2001:db8::1::2", "203.0.113.77%eth0"})
    void rejectsWhatIsNoAddressLiteralWithoutEchoingIt(String ip) {
        assertThatThrownBy(() -> IpTruncation.truncate(ip))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (ip != null && !ip.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(ip);
                    }
                });
    }
}
