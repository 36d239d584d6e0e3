package io.werkbridge.privacy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.77, 203.0.113.77",
            "010.000.001.002, 10.0.1.2",
            "::, ::",
            "::1, ::1",
            "2001:db8::, 2001:db8::",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "::ffff:203.0.113.77, ::ffff:203.0.113.77",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
            "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0"})
    void parsesAndPrintsInRfc5952Form(String literal, String canonical) {
        byte[] address = IpLiterals.parse(literal);
        assertThat(address).isNotNull();
        assertThat(IpLiterals.format(address)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4 ", "1234.1.1.1", "a.b.c.d",
            ":", ":::", "1:::2", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::",
            "1:2:3:4:5:6:7:", "1::2:3:4:5:6:7:8", "g::1", "10:15:30", "00:1a:2b:3c:4d:5e",
            "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%eth0", "[::1]", "example.com", "localhost"})
    void rejectsWhatIsNoAddressLiteral(String text) {
        assertThat(IpLiterals.parse(text)).isNull();
    }
}
