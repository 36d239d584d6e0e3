package io.werkbridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aFileNameBecomesAShortHashWithItsPlainExtension() {
        String name = "Rechnung Erika Mustermann.xml";

        String rendered = LogSafe.fileName(name);

        assertThat(rendered).matches("file [0-9a-f]{8}\\.xml").doesNotContain("Mustermann");
        assertThat(LogSafe.fileName(name)).isEqualTo(rendered);
        assertThat(LogSafe.fileName("Rechnung Erika Musterfrau.xml")).isNotEqualTo(rendered);
        assertThat(LogSafe.fileName("x.\nforged")).matches("file [0-9a-f]{8}");
    }

    @Test
    void textEscapesControlCharactersAndIsCapped() {
        assertThat(LogSafe.text("a\nINFO forged\u0000\u2028")).isEqualTo("a\\u000aINFO forged\\u0000\\u2028");
        assertThat(LogSafe.text("x".repeat(500))).hasSize(123).endsWith("...");
        assertThat(LogSafe.text("x".repeat(120))).isEqualTo("x".repeat(120));
    }
}
