package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fail closed: a customer whose processing is restricted for the shop's purpose is held for the shop (and only
 * for the shop), visible with its reason, and delivered when the restriction is lifted and the hold released.
 */
class PrivacyHoldTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcSubjectRestrictions restrictions;

    @Test
    void restrictedSubjectIsHeldAndReleasedWhenTheRestrictionIsLifted() throws Exception {
        String number = "H-" + System.nanoTime() % 1_000_000;
        restrictions.add(number, "online-shop", Kind.RESTRICTION);

        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "h@example.com", "x"));
        await().atMost(WAIT).until(() -> delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).until(() -> get("/api/v1/holds/customer-master/shop", "operator").body().contains("restriction"));
        String held = get("/api/v1/holds/customer-master/shop", "operator").body();
        assertThat(held).contains("active restriction for purpose 'online-shop'").doesNotContain(number).doesNotContain("Erika");
        assertThat(delivered(SHOP, number)).isEmpty();
        String heldId = io.werkbridge.model.CanonicalJson.read(held).get(0).path("messageId").asText();
        HttpResponse<String> inspected = get("/api/v1/holds/customer-master/shop/" + heldId, "operator");
        assertThat(inspected.statusCode()).isEqualTo(200);
        assertThat(inspected.body()).contains("active restriction for purpose 'online-shop'").contains("Beispiel Maschinenbau GmbH")
                .doesNotContain(number).doesNotContain("h@example.com").doesNotContain("Erika");

        assertThat(post("/api/v1/holds/customer-master/shop/release", "erp").statusCode()).isEqualTo(403);
        assertThat(restrictions.lift(number, "online-shop", Kind.RESTRICTION)).isEqualTo(1);
        HttpResponse<String> released = post("/api/v1/holds/customer-master/shop/release", "operator");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("\"released\":1");

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1);
        assertThat(delivered(SHOP, number).get(0).path("body").path("contacts").get(0).path("email").asText()).isEqualTo("h@example.com");
        assertThat(get("/api/v1/holds/customer-master/shop", "operator").body()).isEqualTo("[]");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return http.send(request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
