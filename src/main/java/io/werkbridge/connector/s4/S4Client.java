package io.werkbridge.connector.s4;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.model.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * HTTP to the S/4 OData V2 service: reads pages of entities as a stream (one entity at a time is turned into a tree,
 * so memory is bounded by one partner, not by the page), follows {@code __next} only on the configured system, and
 * writes with SAP's CSRF protection ({@code X-CSRF-Token: Fetch}, then the token and the session cookies on the
 * change) and optimistic locking ({@code If-Match} with the entity's ETag). Authentication is HTTP Basic or an
 * OAuth2 client-credentials token, cached until shortly before it expires. Every call goes through one circuit
 * breaker; reads are retried on I/O errors, 429 and 5xx with doubling back-off. Errors name the call and the status,
 * never a value or the answer body.
 */
public final class S4Client {

    /** The largest answer read, in characters (one page of expanded partners). */
    static final long MAX_ANSWER_CHARS = 256L * 1024 * 1024;
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final S4Properties settings;
    private final URI service;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json;
    /** Guarded by {@code this}. */
    private Token token;

    public S4Client(S4Properties settings, CircuitBreaker breaker, Clock clock) {
        this.settings = settings;
        this.service = URI.create(stripSlash(Objects.requireNonNull(settings.url(), "werkbridge.s4.url")) + settings.servicePath() + "/");
        this.breaker = breaker;
        this.clock = clock;
        // the session cookies S/4 sets with the CSRF token must travel with the change that uses the token
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
        this.json = JsonMapper.builder().build();
        this.json.getFactory().setStreamReadConstraints(StrictJson.constraints(MAX_ANSWER_CHARS));
    }

    /** The service-relative address with the query, sap-client added when configured. */
    URI resolve(String relative, String query) {
        StringBuilder q = new StringBuilder(query == null ? "" : query);
        if (settings.sapClient() != null && !settings.sapClient().isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append("sap-client=").append(encode(settings.sapClient()));
        }
        return service.resolve(relative + (q.isEmpty() ? "" : "?" + q));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Reads one page of an entity set ({@code {"d":{"results":[...],"__next":"..."}}}), handing each entity to
     * {@code each} as it is read.
     *
     * @return the address of the next page, or null on the last page
     */
    URI page(URI address, Consumer<JsonNode> each) {
        requireOwnSystem(address);
        return withRetries("GET entity set", () -> {
            HttpResponse<InputStream> response = send(get(address), HttpResponse.BodyHandlers.ofInputStream(), "GET entity set");
            try (InputStream body = response.body()) {
                require(response.statusCode(), "GET entity set");
                String next = readEntitySet(body, each);
                URI nextAddress = next == null || next.isBlank() ? null : service.resolve(next);
                if (nextAddress != null) {
                    requireOwnSystem(nextAddress);
                }
                return nextAddress;
            }
        });
    }

    /** Reads one entity ({@code {"d":{...}}}); empty when S/4 answers 404. */
    Optional<JsonNode> entity(URI address) {
        requireOwnSystem(address);
        return withRetries("GET entity", () -> {
            HttpResponse<InputStream> response = send(get(address), HttpResponse.BodyHandlers.ofInputStream(), "GET entity");
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    return Optional.<JsonNode>empty();
                }
                require(response.statusCode(), "GET entity");
                JsonNode d = json.readTree(body).path("d");
                if (!d.isObject()) {
                    throw new S4Exception("S/4 answered GET entity without an OData V2 entity (d)");
                }
                return Optional.of(d);
            }
        });
    }

    /**
     * Changes an entity with {@code PATCH}: fetches a CSRF token (with the session cookies), then sends the change
     * with the token and {@code If-Match: etag}. Not retried: a failed change is reported to the caller.
     */
    void patch(URI address, JsonNode changes, String etag) {
        requireOwnSystem(address);
        call(() -> {
            HttpResponse<Void> fetched = send(authorized(HttpRequest.newBuilder(resolve("", null)))
                    .header("X-CSRF-Token", "Fetch").header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding(), "GET (CSRF token fetch)");
            require(fetched.statusCode(), "GET (CSRF token fetch)");
            String csrf = fetched.headers().firstValue("X-CSRF-Token").orElse(null);
            if (csrf == null || csrf.isBlank()) {
                throw new S4Exception("S/4 answered the CSRF token fetch without an X-CSRF-Token");
            }
            HttpRequest.Builder request = authorized(HttpRequest.newBuilder(address))
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/json").header("Accept", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(changes)));
            if (etag != null && !etag.isBlank()) {
                request.header("If-Match", etag);
            }
            HttpResponse<Void> answer = send(request.build(), HttpResponse.BodyHandlers.discarding(), "PATCH entity");
            if (answer.statusCode() == 412) {
                throw new S4Exception("S/4 answered PATCH entity with 412: the partner changed since it was read (ETag)");
            }
            require(answer.statusCode(), "PATCH entity");
            return null;
        });
    }

    private HttpRequest get(URI address) {
        return authorized(HttpRequest.newBuilder(address)).header("Accept", "application/json").GET().build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        request.timeout(settings.receiveTimeout());
        if (settings.usesOAuth2()) {
            return request.header("Authorization", "Bearer " + token());
        }
        if (settings.username() != null) {
            return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** The cached OAuth2 token, or a new one (client credentials) when there is none or it is about to expire. */
    synchronized String token() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        S4Properties.OAuth2 oauth2 = settings.oauth2();
        String form = "grant_type=client_credentials";
        HttpRequest request = HttpRequest.newBuilder(URI.create(oauth2.tokenUrl())).timeout(settings.receiveTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(oauth2.clientId()) + ":" + encode(oauth2.clientSecret())).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "POST token");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new S4Exception("the token endpoint refused the hub's client credentials (" + response.statusCode()
                    + "; check werkbridge.s4.oauth2.client-id and the secret)");
        }
        require(response.statusCode(), "POST token");
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new S4Exception("the token endpoint answered with a body that is not JSON");
        }
        String value = answer.path("access_token").asText("");
        if (value.isBlank()) {
            throw new S4Exception("the token endpoint answered without an access_token");
        }
        Duration lifetime = Duration.ofSeconds(Math.max(0, answer.path("expires_in").asLong(0)));
        Duration early = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
        token = new Token(value, now.plus(lifetime).minus(early));
        return value;
    }

    /** The first call and up to {@code retries} more after an I/O error, 429 or 5xx, each through the breaker. */
    private <T> T withRetries(String label, Callable<T> call) {
        Duration backoff = settings.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return call(call);
            } catch (Retryable e) {
                if (attempt >= settings.retries()) {
                    throw new S4Exception(e.getMessage() + " (after " + (attempt + 1) + " attempts)", e);
                }
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private <T> T call(Callable<T> call) {
        try {
            return breaker.executeCallable(call);
        } catch (CallNotPermittedException e) {
            throw new S4Exception("the circuit breaker for S/4 is open after repeated failures; calls resume after"
                    + " werkbridge.s4.circuit-breaker.wait-in-open", e);
        } catch (RuntimeException e) {
            // S4Exception, Retryable, and whatever the caller's handler of an entity threw: unchanged
            throw e;
        } catch (IOException e) {
            throw new Retryable("S/4 answered with content the hub cannot read as OData JSON (" + e.getClass().getSimpleName() + ")");
        } catch (Exception e) {
            throw new S4Exception("call to S/4 failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String label) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new Retryable("S/4 not reachable for " + label + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S4Exception("interrupted while waiting for S/4 (" + label + ")", e);
        }
    }

    private static void require(int status, String label) {
        if (status == 429 || status >= 500) {
            throw new Retryable("S/4 answered " + status + " to " + label);
        }
        if (status < 200 || status > 299) {
            throw new S4Exception("S/4 answered " + status + " to " + label
                    + (status == 401 || status == 403 ? " (check the communication user's credentials and roles)" : ""));
        }
    }

    /** Credentials go to the configured system only: a {@code __next} elsewhere is refused. */
    private void requireOwnSystem(URI address) {
        if (!Objects.equals(address.getScheme(), service.getScheme()) || !Objects.equals(address.getHost(), service.getHost())
                || address.getPort() != service.getPort() || !address.getRawPath().startsWith(service.getRawPath())) {
            throw new S4Exception("S/4 pointed to an address outside werkbridge.s4.url and its service path; not followed");
        }
    }

    /** Streams {@code {"d":{"results":[…],"__next":…}}} (or {@code {"d":[…]}}): each entity to {@code each}. */
    private String readEntitySet(InputStream body, Consumer<JsonNode> each) throws IOException {
        String next = null;
        boolean results = false;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new S4Exception("S/4 answered GET entity set with something other than an OData V2 JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"d".equals(name)) {
                    parser.skipChildren();
                } else if (value == JsonToken.START_ARRAY) {
                    results = entities(parser, each);
                } else if (value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken inner = parser.nextToken();
                        if ("results".equals(field) && inner == JsonToken.START_ARRAY) {
                            results = entities(parser, each);
                        } else if ("__next".equals(field) && inner == JsonToken.VALUE_STRING) {
                            next = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!results) {
            throw new S4Exception("S/4 answered GET entity set without d.results");
        }
        return next;
    }

    private boolean entities(JsonParser parser, Consumer<JsonNode> each) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            each.accept(json.readTree(parser));
        }
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S4Exception("interrupted while waiting to retry a call to S/4", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A failure worth another attempt: I/O, 429, 5xx. */
    private static final class Retryable extends RuntimeException {
        Retryable(String message) {
            super(message);
        }
    }

    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }
}
