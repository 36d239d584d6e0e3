package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Carries a request to a system's privacy endpoint: {@code POST <url>} with
 * {@code {"type", "subject": {customerNumber, contactId, email}, "corrections", "retainTaxRecords": true}}; a 2xx
 * answer {@code {"result": "...", "data": {...}}} is the outcome. The contract is in docs/rights.md.
 */
public final class HttpRightsTarget implements RightsTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_RESULT = 500;
    private final String system;
    private final URI url;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpRightsTarget(String system, String url, String username, String password) {
        this.system = system;
        this.url = URI.create(url);
        this.authorization = username == null || username.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("type", type.id());
        ObjectNode who = body.putObject("subject");
        who.put("customerNumber", subject.customerNumber());
        who.put("contactId", subject.contactId());
        who.put("email", subject.email());
        if (corrections != null) {
            body.set("corrections", corrections);
        }
        body.put("retainTaxRecords", true);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RightsTargetException(system + " not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RightsTargetException(system + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RightsTargetException(system + " answered HTTP " + response.statusCode());
        }
        JsonNode answer = response.body() == null || response.body().isBlank()
                ? CanonicalJson.mapper().createObjectNode() : CanonicalJson.read(response.body());
        String result = answer.path("result").asText(type.collects() ? "exported" : "done");
        JsonNode data = answer.get("data");
        return new TargetOutcome(result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) : result,
                data == null ? null : CanonicalJson.write(data));
    }
}
