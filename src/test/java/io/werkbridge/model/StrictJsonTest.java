package io.werkbridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static InvalidCanonicalMessageException refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidCanonicalMessageException refused(byte[] json) {
        try {
            CanonicalJson.readExternal(json);
        } catch (InvalidCanonicalMessageException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void duplicateKeysAreRefusedWithTheirPath() {
        assertThat(refused("{\"a\":{\"type\":\"access\",\"type\":\"erasure\"}}").violations())
                .containsExactly("$.a.type: a key appears twice in one object (duplicate keys are refused)");
        assertThatThrownBy(() -> CanonicalJson.read("{\"type\":\"access\",\"type\":\"erasure\"}"))
                .isInstanceOf(InvalidCanonicalMessageException.class).hasMessageNotContaining("erasure");
    }

    @Test
    void controlCharactersAreRefusedWithTheirPathButTabCrLfPass() {
        assertThat(refused("{\"a\":[\"ok\",{\"b\":\"x\\u0000y\"}]}").violations())
                .containsExactly("$.a[1].b: the value holds a NUL or control character (only tab, CR and LF are allowed in text)");
        assertThat(refused("{\"a\":\"\\u009b\"}").violations().get(0)).startsWith("$.a: ");
        assertThat(CanonicalJson.readExternal("{\"a\":\"line\\r\\nnext\\tcol\"}".getBytes(StandardCharsets.UTF_8))
                .path("a").asText()).isEqualTo("line\r\nnext\tcol");
    }

    @Test
    void invalidUtf8AndDeepNestingAreRefused() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(refused(bad).violations()).containsExactly("$.a: the JSON is not valid UTF-8");
        assertThat(refused("[".repeat(65) + "]".repeat(65)).violations().get(0))
                .endsWith("JSON nested deeper than 64 levels (JSON nesting depth)");
        assertThat(CanonicalJson.readExternal(("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.UTF_8))).isNotNull();
    }
}
