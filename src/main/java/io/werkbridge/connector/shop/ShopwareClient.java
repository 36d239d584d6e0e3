package io.werkbridge.connector.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's Shopware-like admin API: an OAuth2 client-credentials token ({@code POST /api/oauth/token}), cached
 * until shortly before it expires and shared by all consumers (one fetch when several need it at once), then the
 * customer calls. A 401 drops the cached token, fetches a new one once and repeats the call once; a second 401 means
 * the shop refuses the hub's credentials.
 */
public final class ShopwareClient {

    static final String TOKEN_PATH = "/api/oauth/token";
    static final String CUSTOMER_PATH = "/api/customer";
    /** Renew this long before the token expires (at most half its lifetime). */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ShopwareClient.class);

    private final URI adminUrl;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    /** Guarded by {@code this}. */
    private AccessToken cached;

    public ShopwareClient(ShopProperties settings, Clock clock) {
        this.adminUrl = settings.requireShopwareSettings();
        this.clientId = settings.clientId();
        this.clientSecret = settings.clientSecret();
        this.timeout = settings.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Updates the customer ({@code PATCH /api/customer/{id}}), or creates it ({@code POST /api/customer}) when the shop does not know it. */
    public void upsert(String customerId, ObjectNode customer, String idempotencyKey) {
        int status = call("PATCH", CUSTOMER_PATH + "/" + customerId, customer, idempotencyKey);
        if (status == 404) {
            ObjectNode create = customer.deepCopy();
            create.put("id", customerId);
            require(call("POST", CUSTOMER_PATH, create, idempotencyKey), "POST " + CUSTOMER_PATH);
        } else {
            require(status, "PATCH " + CUSTOMER_PATH + "/{id}");
        }
    }

    /**
     * Changes only the fields the partial update carries ({@code PATCH /api/customer/{id}}). A customer the shop does
     * not know (404) cannot be created from part of it: that is an error, so the message is parked with the reason.
     */
    public void patch(String customerId, ObjectNode changes, String idempotencyKey) {
        int status = call("PATCH", CUSTOMER_PATH + "/" + customerId, changes, idempotencyKey);
        if (status == 404) {
            throw new ShopApiException("the shop does not know the customer of a partial update (PATCH "
                    + CUSTOMER_PATH + "/{id} answered 404); it is created by a full upsert (the ERP's next full send)");
        }
        require(status, "PATCH " + CUSTOMER_PATH + "/{id}");
    }

    /** Deletes the customer; one the shop does not know (404) counts as deleted. */
    public void delete(String customerId, String idempotencyKey) {
        int status = call("DELETE", CUSTOMER_PATH + "/" + customerId, null, idempotencyKey);
        if (status != 404) {
            require(status, "DELETE " + CUSTOMER_PATH + "/{id}");
        }
    }

    private static void require(int status, String call) {
        if (status < 200 || status > 299) {
            throw new ShopApiException("shop admin API answered " + status + " to " + call);
        }
    }

    /** One call with the cached token; after a 401 once more with a new token. Returns the status. */
    private int call(String method, String path, JsonNode body, String idempotencyKey) {
        String label = method + " " + (path.startsWith(CUSTOMER_PATH + "/") ? CUSTOMER_PATH + "/{id}" : path);
        String token = token();
        int status = send(method, path, body, idempotencyKey, token, label);
        if (status != 401) {
            return status;
        }
        LOG.info("shop admin API answered 401 to {}: renewing the access token and repeating the call once", label);
        forget(token);
        status = send(method, path, body, idempotencyKey, token(), label);
        if (status == 401) {
            throw new ShopApiException("the shop refused the hub's credentials: " + label
                    + " answered 401 again with a newly issued token (check the integration's permissions in the shop)");
        }
        return status;
    }

    private int send(String method, String path, JsonNode body, String idempotencyKey, String token, String label) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.discarding(), label).statusCode();
    }

    /** The cached token, or a new one when there is none or it is about to expire; concurrent callers share one fetch. */
    synchronized String token() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.renewAt())) {
            cached = fetchToken(now);
        }
        return cached.value();
    }

    /** Drops the token the shop refused, unless another caller has replaced it already. */
    synchronized void forget(String token) {
        if (cached != null && cached.value().equals(token)) {
            cached = null;
        }
    }

    private AccessToken fetchToken(Instant now) {
        String label = "POST " + TOKEN_PATH;
        String request = CanonicalJson.write(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(adminUrl + TOKEN_PATH))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build(), HttpResponse.BodyHandlers.ofString(), label);
        int status = response.statusCode();
        if (status == 400 || status == 401) {
            throw new ShopApiException("the shop refused the hub's credentials: " + label + " answered " + status
                    + " (check werkbridge.destinations.shop.client-id and the client secret)");
        }
        require(status, label);
        JsonNode answer;
        try {
            answer = CanonicalJson.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ShopApiException("shop admin API answered " + label + " with a body that is not JSON");
        }
        String value = answer == null ? null : answer.path("access_token").asText(null);
        if (value == null || value.isBlank()) {
            throw new ShopApiException("shop admin API answered " + label + " without an access_token");
        }
        Duration lifetime = Duration.ofSeconds(Math.max(0, answer.path("expires_in").asLong(0)));
        Duration early = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
        LOG.debug("shop admin API issued an access token for {} s", lifetime.toSeconds());
        return new AccessToken(value, now.plus(lifetime).minus(early));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, String label) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ShopApiException("shop admin API not reachable for " + label + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopApiException("interrupted while waiting for the shop admin API (" + label + ")", e);
        }
    }

    private record AccessToken(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "AccessToken[renewAt=" + renewAt + "]";
        }
    }
}
