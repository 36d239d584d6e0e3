package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The rights API on the running hub: only the dpo files requests; a restriction holds the subject's messages in the
 * gate and lifting it releases them; an access request exports the recipients from the disclosure log.
 */
class RightsApiTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void restrictionHoldsTheSubjectsMessagesUntilLifted() throws Exception {
        String number = "RA-" + System.nanoTime() % 1_000_000;
        String body = "{\"type\":\"restriction\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"purpose\":\"online-shop\"}";
        assertThat(post("/api/v1/rights/requests", body, "operator").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/rights/requests", body, null).statusCode()).isEqualTo(401);
        HttpResponse<String> created = post("/api/v1/rights/requests", body, "dpo");
        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode request = CanonicalJson.read(created.body());
        assertThat(request.path("state").asText()).isEqualTo("ACTIVE");

        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "ra@example.com", "x"));
        await().atMost(WAIT).until(() -> delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).until(() -> get("/api/v1/holds/customer-master/shop", "operator").body().contains("active restriction"));
        assertThat(delivered(SHOP, number)).isEmpty();

        HttpResponse<String> lifted = post("/api/v1/rights/requests/" + request.path("id").asText() + "/lift", "", "dpo");
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(CanonicalJson.read(lifted.body()).path("state").asText()).isEqualTo("LIFTED");
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1);
    }

    @Test
    void accessExportListsRecipientsFromTheDisclosureLog() throws Exception {
        String number = "RX-" + System.nanoTime() % 1_000_000;
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "rx@example.com", "x"));
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        String id = CanonicalJson.read(post("/api/v1/rights/requests",
                "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\"}}", "dpo").body()).path("id").asText();
        await().atMost(WAIT).until(() -> CanonicalJson.read(get("/api/v1/rights/requests/" + id, "dpo").body()).path("state").asText().equals("COMPLETED"));
        await().atMost(WAIT).until(() -> CanonicalJson.read(get("/api/v1/rights/requests/" + id + "/export", "dpo").body())
                .path("recipients").size() == 2);
        JsonNode export = CanonicalJson.read(get("/api/v1/rights/requests/" + id + "/export", "dpo").body());
        assertThat(export.path("recipients")).extracting(r -> r.path("processor").asText()).containsExactly("werkbliq", "gab-exactlyit");
        assertThat(export.path("systems").path("werkbridge").path("data").path("disclosures")).hasSize(2);
        HttpResponse<String> csv = get("/api/v1/rights/requests/" + id + "/export?format=csv&records=recipients", "dpo");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("destination,processor,purpose").contains("\"shop\",\"gab-exactlyit\",\"online-shop\"");
        HttpResponse<String> bad = post("/api/v1/rights/requests", "{\"type\":\"forget-me\",\"subject\":{\"email\":\"who@example.com\"}}", "dpo");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown request type").doesNotContain("who@example.com");
        assertThat(get("/api/v1/rights/requests/00000000-0000-0000-0000-000000000000", "dpo").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String user) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
