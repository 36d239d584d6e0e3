package io.werkbridge.security;

import static io.werkbridge.security.AttackCalls.nothingForwarded;
import static io.werkbridge.security.AttackCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.flow.HubTestSupport;
import io.werkbridge.model.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * JSON intakes (shop, portal, preview, rights) against the running hub: duplicate keys, invalid UTF-8, NUL and control
 * characters and deep nesting are refused with problem+json naming the field path and the rule, never the value;
 * nothing is forwarded or filed, and the log holds none of the attack values.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonStrictnessTest extends HubTestSupport {

    private static final String JSON = "application/json";

    private static String order(String orderNumber, String name) {
        return """
                {"orderNumber":"%s","customerNumber":"100234",
                 "orderedBy":{"name":"%s","email":"erika@example.com"},
                 "lines":[{"partNumber":"DMU-50-3","quantity":2,"unitPrice":99.9}],
                 "shippingAddress":{"street":"Weg 1","postalCode":"33602","city":"Bielefeld","country":"DE"},
                 "payment":{"method":"invoice"}}""".formatted(orderNumber, name);
    }

    private static String detail(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return CanonicalJson.read(answer.body()).path("detail").asText();
    }

    @Test
    void duplicateKeysInARightsRequestAreRefusedNamingTheKey(CapturedOutput log) {
        String number = "DUP-" + System.nanoTime() % 1_000_000;
        String body = "{\"type\":\"access\",\"type\":\"erasure\",\"subject\":{\"customerNumber\":\"" + number + "\"}}";

        HttpResponse<String> answer = post(port, "/api/v1/rights/requests", JSON, body, "dpo");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.type: a key appears twice").doesNotContain("erasure").doesNotContain("access");
        HttpResponse<String> filed = AttackHttp.get(port, "/api/v1/rights/requests", "dpo");
        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.body()).doesNotContain(number);
        assertThat(log.getAll()).doesNotContain(number).doesNotContain("\"erasure\"");
    }

    @Test
    void duplicateKeysInAShopOrderAreRefusedNamingThePath(CapturedOutput log) {
        String first = "ORD-DUP-" + System.nanoTime() % 1_000_000;
        String second = first + "-B";
        String body = order(first, "Erika Beispiel").replace("\"customerNumber\"", "\"orderNumber\":\"" + second + "\",\"customerNumber\"");

        HttpResponse<String> answer = post(port, "/api/v1/shop/orders", JSON, body, "shop");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.orderNumber: a key appears twice").doesNotContain(first);
        nothingForwarded(List.of(SHOP, PORTAL, ERP), first);
        assertThat(log.getAll()).doesNotContain(first);
    }

    @Test
    void invalidUtf8InAPortalTicketIsRefused(CapturedOutput log) throws Exception {
        String ticket = "T-UTF-" + System.nanoTime() % 1_000_000;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("{\"ticketId\":\"" + ticket + "\",\"customerNumber\":\"100234\","
                + "\"priority\":\"high\",\"description\":\"Spindel ").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.write("\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = post(port, "/api/v1/portal/service-tickets", JSON, body.toByteArray(), "portal");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.description: the JSON is not valid UTF-8");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), ticket);
        assertThat(log.getAll()).doesNotContain(ticket);
    }

    @Test
    void aNulInAShopOrderIsRefusedNamingThePathNotTheValue(CapturedOutput log) {
        String number = "ORD-NUL-" + System.nanoTime() % 1_000_000;

        HttpResponse<String> answer = post(port, "/api/v1/shop/orders", JSON, order(number, "Erika\\u0000Gift"), "shop");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.orderedBy.name: the value holds a NUL or control character")
                .doesNotContain("Gift");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), number);
        assertThat(log.getAll()).doesNotContain("Gift").doesNotContain(number);
    }

    @Test
    void aControlCharacterInAPreviewIsRefusedNamingThePath(CapturedOutput log) {
        String body = "{\"messageId\":\"m-1\",\"type\":\"customer\",\"body\":{\"remarks\":\"Erika\\u001b[2JGift\"}}";

        HttpResponse<String> answer = post(port, "/api/v1/privacy/preview?destination=shop", JSON, body, "operator");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.body.remarks: the value holds a NUL or control character")
                .doesNotContain("Gift");
        assertThat(log.getAll()).doesNotContain("Gift");
    }

    @Test
    void aControlCharacterInABoundRequestIsRefusedNamingThePath(CapturedOutput log) {
        String number = "CTL-" + System.nanoTime() % 1_000_000;
        String body = "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\",\"email\":\"a\\u0007Gift@x.de\"}}";

        HttpResponse<String> answer = post(port, "/api/v1/rights/requests", JSON, body, "dpo");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("$.subject.email: the value holds a NUL or control character")
                .doesNotContain("Gift");
        assertThat(AttackHttp.get(port, "/api/v1/rights/requests", "dpo").body()).doesNotContain(number);
        assertThat(log.getAll()).doesNotContain("Gift");
    }

    @Test
    void deeplyNestedJsonIsRefusedNamingTheDepthLimit(CapturedOutput log) {
        String number = "ORD-DEEP-" + System.nanoTime() % 1_000_000;
        String body = order(number, "Erika Beispiel").replace("\"payment\":{\"method\":\"invoice\"}",
                "\"payment\":{\"method\":\"invoice\"},\"x\":" + "[".repeat(1000) + "\"Gift\"" + "]".repeat(1000));

        HttpResponse<String> answer = post(port, "/api/v1/shop/orders", JSON, body, "shop");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detail(answer)).contains("JSON nested deeper than 64 levels (JSON nesting depth)");
        nothingForwarded(List.of(SHOP, PORTAL, ERP), number);
        assertThat(log.getAll()).doesNotContain("Gift");
    }

    /** GET as a test client. */
    static final class AttackHttp {
        private AttackHttp() {
        }

        static HttpResponse<String> get(int port, String path, String user) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":test-secret").getBytes(StandardCharsets.UTF_8)))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
