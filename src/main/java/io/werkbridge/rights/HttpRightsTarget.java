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
 * {@code {"type", "subject": {customerNumber, contactId, email}, "corrections", "retainTaxRecords": true}} (and
 * {@code "purpose", "lifted"} for restriction notices); a 2xx answer {@code {"result": "...", "data": {...}}} is the
 * outcome. The contract is in docs/rights.md. The system is a destination of the privacy policy (its name): what the
 * message says about the subject goes through that destination's gate first and is recorded as a disclosure once
 * sent, so a recipient learns nothing by a rights message that its deliveries would not give it.
 */
public final class HttpRightsTarget implements RightsTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_RESULT = 500;
    private final String system;
    private final URI url;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final RecipientGate gate;

    public HttpRightsTarget(String system, String url, String username, String password, RecipientGate gate) {
        this.system = system;
        this.gate = gate;
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
        RecipientGate.Gated gated = gated(type, subject, type == RightsRequestType.RECTIFICATION ? corrections : null);
        if (type == RightsRequestType.RECTIFICATION && !gated.corrects()) {
            return new TargetOutcome("nothing sent: the policy of " + system + " lets it have none of the corrected fields", null);
        }
        ObjectNode body = body(type, gated);
        if (gated.corrections() != null) {
            body.set("corrections", gated.corrections());
        }
        body.put("retainTaxRecords", true);
        return post(type, body, gated);
    }

    @Override
    public TargetOutcome notify(RightsRequestType type, SubjectIds subject, String purpose, boolean lifted) {
        RecipientGate.Gated gated = gated(type, subject, null);
        ObjectNode body = body(type, gated);
        body.put("purpose", purpose);
        body.put("lifted", lifted);
        return post(type, body, gated);
    }

    private RecipientGate.Gated gated(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        try {
            return gate.gate(system, type, subject, corrections);
        } catch (RuntimeException e) {
            // the gate's reasons name rules, never values (unknown destination, contract not in force)
            throw new RightsTargetException(system + ": not sent, the privacy gate refused: " + e.getMessage(), e);
        }
    }

    private static ObjectNode body(RightsRequestType type, RecipientGate.Gated gated) {
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("type", type.id());
        body.set("subject", gated.subject());
        return body;
    }

    private TargetOutcome post(RightsRequestType type, ObjectNode body, RecipientGate.Gated gated) {
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
        gate.sent(gated);
        JsonNode answer = response.body() == null || response.body().isBlank()
                ? CanonicalJson.mapper().createObjectNode() : CanonicalJson.read(response.body());
        String result = answer.path("result").asText(type.collects() ? "exported" : "done");
        JsonNode data = answer.get("data");
        return new TargetOutcome(result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) : result,
                data == null ? null : CanonicalJson.write(data));
    }
}
