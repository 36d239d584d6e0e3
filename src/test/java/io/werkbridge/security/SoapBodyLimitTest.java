package io.werkbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 19, attack 4: one 50 MB publishCustomer ran the hub out of heap. Now a SOAP body is bounded while it streams
 * in ({@code werkbridge.security.limits.max-soap-body}, 2 MB by default): refused with 413 when its length is declared,
 * with a SOAP fault when it comes chunked, and the hub goes on answering. The 50 MB come from a generator, never
 * from a string in the test's heap.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoapBodyLimitTest extends HubTestSupport {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String FILLER = "attack-filler-";

    @Test
    void aFiftyMegabyteRequestWithItsLengthDeclaredIsRefusedAtOnce(CapturedOutput log) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, head("Content-Length: " + FIFTY_MB), body());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text()).contains("payload-too-large").contains("2097152");
        assertThat(answer.bytesSent()).isLessThan(FIFTY_MB);
        assertHubStillPublishes();
        assertThat(log.getAll()).doesNotContain(FILLER);
    }

    @Test
    void aFiftyMegabyteChunkedRequestIsStoppedAtTheLimitWithAFault(CapturedOutput log) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, head("Transfer-Encoding: chunked"), RawHttp.chunked(body()));

        assertThat(answer.status()).isIn(413, 500);
        if (answer.status() == 500) {
            assertThat(answer.text()).contains("Fault").contains("exceeds the limit of 2097152 bytes");
        }
        assertThat(answer.text()).doesNotContain(FILLER);
        assertThat(answer.bytesSent()).isLessThan(FIFTY_MB);
        assertHubStillPublishes();
        assertThat(log.getAll()).doesNotContain(FILLER);
    }

    private void assertHubStillPublishes() throws Exception {
        String number = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var response = new EdgeCalls(port).soap("/services/erp", EdgeCalls.publishCustomer(number), "erp",
                EdgeCalls.password(), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>");
    }

    private static byte[] head(String lengthHeader) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString(("erp:" + EdgeCalls.password()).getBytes(StandardCharsets.UTF_8));
        return ("POST /services/erp HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=UTF-8\r\n"
                + "SOAPAction: \"\"\r\nAuthorization: Basic " + credentials + "\r\n" + lengthHeader + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A publishCustomer whose remarks are 50 MB long. */
    private static java.io.InputStream body() {
        String prefix = EdgeCalls.publishCustomer("C-LARGE").replace("<c:remarks>x</c:remarks>", "<c:remarks>");
        String suffix = "</c:remarks></c:publishCustomer></soapenv:Body></soapenv:Envelope>";
        return RawHttp.generated(prefix.substring(0, prefix.indexOf("<c:remarks>") + "<c:remarks>".length()), FILLER,
                FIFTY_MB, suffix);
    }
}
