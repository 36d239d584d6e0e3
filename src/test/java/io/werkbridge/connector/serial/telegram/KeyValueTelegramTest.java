package io.werkbridge.connector.serial.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.model.InvalidSourceDataException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyValueTelegramTest {

    private final KeyValueTelegram telegram = new KeyValueTelegram();

    @Test
    void readsPairsInOrderTrimmedIgnoringEmptyPairsAndLineEnd() {
        assertThat(telegram.parse(bytes(" STATE=RUNNING ; PARTS= 1234;;OPNAME=Jörg Beispiel;MSG=a=b;\r\n")))
                .containsExactly(
                        java.util.Map.entry("STATE", "RUNNING"),
                        java.util.Map.entry("PARTS", "1234"),
                        java.util.Map.entry("OPNAME", "Jörg Beispiel"),
                        java.util.Map.entry("MSG", "a=b"));
        assertThat(telegram.parse(bytes("EMPTY="))).containsEntry("EMPTY", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty telegram: expected KEY=value pairs separated by ';'",
            "' ;; '|empty telegram: expected KEY=value pairs separated by ';'",
            "STATE=RUNNING;Erika Beispiel|pair 2 has no '=': expected KEY=value",
            "1ST=x|pair 1: the key must be 1-32 letters, digits, '_', '.' or '-', starting with a letter",
            "=x|pair 1: the key must be 1-32 letters, digits, '_', '.' or '-', starting with a letter",
            "A=1;A=2|key 'A' appears twice"})
    void refusesMalformedTelegramsNamingThePositionNotTheValue(String input, String message) {
        assertThatThrownBy(() -> telegram.parse(bytes(input)))
                .isInstanceOf(InvalidSourceDataException.class)
                .hasMessage(message)
                .hasMessageNotContaining("Erika");
    }

    @Test
    void boundsValuesPairsAndKeys() {
        assertThat(telegram.parse(bytes("K=" + "v".repeat(KeyValueTelegram.MAX_VALUE))).get("K")).hasSize(256);
        assertThatThrownBy(() -> telegram.parse(bytes("K=" + "v".repeat(KeyValueTelegram.MAX_VALUE + 1))))
                .hasMessage("value of 'K' is longer than 256 characters");
        String pairs64 = IntStream.range(0, 64).mapToObj(i -> "K" + i + "=" + i).collect(Collectors.joining(";"));
        assertThat(telegram.parse(bytes(pairs64))).hasSize(64);
        assertThatThrownBy(() -> telegram.parse(bytes(pairs64 + ";K64=64"))).hasMessage("more than 64 pairs");
        assertThat(telegram.parse(bytes("K" + "x".repeat(31) + "=1"))).hasSize(1);
        assertThatThrownBy(() -> telegram.parse(bytes("K" + "x".repeat(32) + "=1"))).hasMessageStartingWith("pair 1: the key");
        assertThatThrownBy(() -> telegram.parse(bytes("K=a\u0007b"))).hasMessage("value of 'K' contains control characters");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> telegram.parse(new byte[] {'K', '=', (byte) 0xC3, (byte) 0x28}))
                .hasMessage("telegram is not UTF-8 text");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
