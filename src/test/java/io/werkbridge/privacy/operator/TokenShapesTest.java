package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.operator.TokenShapes.Shape;
import io.werkbridge.privacy.text.Checksums;
import io.werkbridge.privacy.text.PiiTextScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenShapesTest {

    private final TokenShapes tokens = new TokenShapes();

    @RepeatedTest(20)
    void emailTokenIsAValidAddressThatCannotReceiveMail() {
        String token = tokens.token("erika.mustermann@example.com", Shape.EMAIL);

        assertThat(token).matches("tok-[a-z2-7]{16}@token\\.invalid");
        assertThat(new PiiTextScanner().scrub(token, List.of())).isEqualTo("[email]");
    }

    @RepeatedTest(20)
    void phoneTokenIsAPlusAndAsManyDigits() {
        assertThat(tokens.token("+49 521 1234567", Shape.PHONE)).matches("\\+[1-9]\\d{11}");
        assertThat(tokens.token("0521/123", Shape.PHONE)).matches("\\+[1-9]\\d{6}");
        assertThat(tokens.token("+49 521 1234567 000000", Shape.PHONE)).matches("\\+[1-9]\\d{14}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300",
            "FR1420041010050500013M02606", "CH9300762011623852957", "AT611904300234573201"})
    void ibanTokenIsAValidIbanOfTheSameCountryAndLayout(String iban) {
        for (int i = 0; i < 20; i++) {
            String token = tokens.token(iban, Shape.IBAN);

            assertThat(Checksums.ibanValid(token)).as(token).isTrue();
            assertThat(token).hasSameSizeAs(iban).startsWith(iban.substring(0, 2)).isNotEqualTo(iban);
            for (int c = 4; c < iban.length(); c++) {
                assertThat(Character.isDigit(token.charAt(c))).isEqualTo(Character.isDigit(iban.charAt(c)));
            }
        }
    }

    @Test
    void ibanTokenKeepsGroupingBySpaces() {
        String token = tokens.token("DE89 3704 0044 0532 0130 00", Shape.IBAN);

        assertThat(token).matches("DE\\d{2} \\d{4} \\d{4} \\d{4} \\d{4} \\d{2}");
        assertThat(Checksums.ibanValid(token)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"4711, '\\d{4}'", "100234, '[1-9]\\d{5}'", "0815-4711-0001, '\\d{4}-\\d{4}-\\d{4}'", "7, '[1-9]'"})
    void numberTokenKeepsLengthAndLayout(String value, String shape) {
        for (int i = 0; i < 20; i++) {
            String token = tokens.token(value, Shape.NUMBER);

            assertThat(token).matches(shape).hasSameSizeAs(value).isNotEqualTo(value);
        }
    }

    @Test
    void textTokenIsLongAndRandom() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.token("Bemerkung mit Namen", Shape.TEXT);
            assertThat(token).matches("tok-[a-z2-7]{26}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void rejectsValuesThatDoNotFitTheShapeWithoutEchoingThem() {
        assertThatThrownBy(() -> tokens.token("DE89370400440532013001", Shape.IBAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mod-97")
                .hasMessageNotContaining("DE89");
        assertThatThrownBy(() -> tokens.token("n/a", Shape.NUMBER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("n/a");
        assertThatThrownBy(() -> tokens.token("", Shape.TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.token(null, Shape.TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shapeIsReadFromItsPolicyName() {
        assertThat(Shape.of("email")).isEqualTo(Shape.EMAIL);
        assertThat(Shape.of(" IBAN ")).isEqualTo(Shape.IBAN);
        assertThatThrownBy(() -> Shape.of("postcode")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email, phone, iban, number, text");
        assertThatThrownBy(() -> Shape.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
