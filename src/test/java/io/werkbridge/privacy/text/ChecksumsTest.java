package io.werkbridge.privacy.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // documentation examples published by banks and the IBAN registry
            "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "de89 3704 0044 0532 0130 00",
            "AT611904300234573201", "NL91ABNA0417164300", "FR1420041010050500013M02606",
            "GB82WEST12345698765432", "CH9300762011623852957", "BE68539007547034", "NO9386011117947"})
    void acceptsValidIbans(String iban) {
        assertThat(Checksums.ibanValid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89370400440532013001", // mod-97 fails
            "DE8937040044053201300", // one short for DE
            "DE893704004405320130000", // one long for DE
            "XX89370400440532013000", // no such country
            "DE8937040044053201300-", "D", "", "DEAB370400440532013000", "DE89 3704 0044 0532 0130 0€"})
    void rejectsInvalidIbans(String iban) {
        assertThat(Checksums.ibanValid(iban)).isFalse();
    }

    @Test
    void computesIbanCheckDigits() {
        assertThat(Checksums.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
        assertThat(Checksums.ibanCheckDigits("GB", "WEST12345698765432")).isEqualTo("82");
        assertThat(Checksums.ibanCheckDigits("NO", "86011117947")).isEqualTo("93");
    }

    @Test
    void checkDigitsRejectCharactersAnIbanCannotHold() {
        assertThatThrownBy(() -> Checksums.ibanCheckDigits("de", "370400440532013000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("country");
        assertThatThrownBy(() -> Checksums.ibanCheckDigits("DE", "3704-0044"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BBAN")
                .hasMessageNotContaining("3704");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // card-network test numbers
            "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "4012888888881881",
            "5555555555554444", "5105105105105100", "2223003122003222", "378282246310005",
            "371449635398431", "6011111111111117", "30569309025904", "4222222222222", "79927398713"})
    void acceptsLuhnValidNumbers(String number) {
        assertThat(Checksums.luhnValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "12345678901234", "4111_1111_1111_1111", "0", "", "abc"})
    void rejectsLuhnInvalidNumbers(String number) {
        assertThat(Checksums.luhnValid(number)).isFalse();
    }

    @Test
    void luhnCheckDigitCompletesAPayload() {
        assertThat(Checksums.luhnCheckDigit("411111111111111")).isEqualTo('1');
        assertThat(Checksums.luhnCheckDigit("7992739871")).isEqualTo('3');
        assertThatThrownBy(() -> Checksums.luhnCheckDigit("12a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checksums.luhnCheckDigit(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
