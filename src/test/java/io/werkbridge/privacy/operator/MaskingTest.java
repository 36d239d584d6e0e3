package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "DE89370400440532013000, 4, ******************3000",
            "4111111111111111, 4, ************1111",
            "Mustermann, 0, **********",
            "Mustermann, 1, *********n",
            "1234, 4, ****",
            "1234, 10, ****",
            "ab, 1, *b"})
    void masksAllButTheLastN(String value, int n, String masked) {
        assertThat(Masking.keepLast(value, n)).isEqualTo(masked);
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(Masking.keepLast("", 4)).isEmpty();
    }

    @Test
    void countsCodePointsNotChars() {
        String value = "a\uD83D\uDE00b\uD83D\uDE01"; // a, grinning face, b, beaming face: 4 code points, 6 chars

        assertThat(Masking.keepLast(value, 1)).isEqualTo("***\uD83D\uDE01");
        assertThat(Masking.keepLast(value, 2)).isEqualTo("**b\uD83D\uDE01");
        assertThat(Masking.keepLast(value, 4)).isEqualTo("****");
        assertThat(Masking.keepLast(value, 0)).isEqualTo("****");
    }

    @Test
    void rejectsNullAndNegativeCount() {
        assertThatThrownBy(() -> Masking.keepLast(null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> Masking.keepLast("Mustermann", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or more").hasMessageNotContaining("Mustermann");
    }
}
