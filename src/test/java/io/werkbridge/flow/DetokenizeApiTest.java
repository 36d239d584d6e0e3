package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.privacy.operator.TokenShapes.Shape;
import io.werkbridge.privacy.vault.PseudonymVault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only the dpo role re-identifies a token; unknown or erased tokens are a 404 problem. */
class DetokenizeApiTest extends HubTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    PseudonymVault vault;

    @Test
    void onlyTheDpoReidentifies() throws Exception {
        String token = vault.tokenize("detok@example.com", Shape.EMAIL, Set.of("DT-1"));
        HttpResponse<String> dpo = detokenize(token, "dpo");
        assertThat(dpo.statusCode()).isEqualTo(200);
        assertThat(dpo.body()).contains("\"value\":\"detok@example.com\"");
        assertThat(detokenize(token, "operator").statusCode()).isEqualTo(403);
        assertThat(detokenize(token, null).statusCode()).isEqualTo(401);

        vault.forgetSubject("DT-1");
        HttpResponse<String> gone = detokenize(token, "dpo");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private HttpResponse<String> detokenize(String token, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/privacy/detokenize"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
