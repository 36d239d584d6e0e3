package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: a non-ASCII {@code Idempotency-Key} gave a 500 and was logged. Now a key is a printable ASCII token of at
 * most 100 characters, anything else is a 400 that names the rule, not the key, and no request is created.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdempotencyKeyTest extends HubTestSupport {

    private static final String BODY = "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"C-IDEM-1\"}}";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKeyThatIsNotAPrintableAsciiTokenIsRefusedWith400(CapturedOutput log) throws Exception {
        int before = requests();
        for (byte[] key : new byte[][] {
                "schlüssel-attack-ä".getBytes(StandardCharsets.UTF_8),   // as the attacker sent it, UTF-8 on the wire
                "key with-attack-space".getBytes(StandardCharsets.US_ASCII),
                "k".repeat(101).getBytes(StandardCharsets.US_ASCII)}) {
            RawHttp.Answer answer = RawHttp.exchange(port, head(key), new java.io.ByteArrayInputStream(
                    BODY.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text()).contains("Idempotency-Key must be 1-100 printable ASCII characters")
                    .doesNotContain("attack");
        }
        assertThat(requests()).isEqualTo(before);
        assertThat(log.getAll()).doesNotContain("ssel-attack").doesNotContain("attack-space");
    }

    private int requests() {
        return jdbc.queryForObject("select count(*) from rights_request", Integer.class);
    }

    private static byte[] head(byte[] key) {
        String credentials = Base64.getEncoder().encodeToString(("dpo:" + EdgeCalls.password()).getBytes(StandardCharsets.UTF_8));
        byte[] start = ("POST /api/v1/rights/requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Length: " + BODY.getBytes(StandardCharsets.UTF_8).length
                + "\r\nIdempotency-Key: ").getBytes(StandardCharsets.US_ASCII);
        byte[] head = new byte[start.length + key.length + 2];
        System.arraycopy(start, 0, head, 0, start.length);
        System.arraycopy(key, 0, head, start.length, key.length);
        head[head.length - 2] = '\r';
        head[head.length - 1] = '\n';
        return head;
    }
}
