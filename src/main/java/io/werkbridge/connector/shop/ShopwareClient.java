package io.werkbridge.connector.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.credentials.AuthenticationRefusedException;
import io.werkbridge.credentials.BearerTokens;
import io.werkbridge.credentials.DestinationAuth;
import io.werkbridge.messaging.DestinationStatusException;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's Shopware-like admin API: the customer calls, with the shop destination's OAuth2 client-credentials token
 * ({@link BearerTokens}, the mechanism every destination authenticates with: cached until shortly before it expires,
 * one fetch shared by concurrent callers). A 401 drops the refused token, fetches a new one once and repeats the call
 * once; a second 401 means the shop refuses the hub's credentials.
 */
public final class ShopwareClient {

    static final String TOKEN_PATH = "/api/oauth/token";
    static final String CUSTOMER_PATH = "/api/customer";
    private static final Logger LOG = LoggerFactory.getLogger(ShopwareClient.class);

    private final URI adminUrl;
    private final Duration timeout;
    private final BearerTokens tokens;
    private final HttpClient http;

    public ShopwareClient(ShopProperties settings, BearerTokens tokens) {
        this.adminUrl = settings.requireShopwareSettings();
        this.timeout = settings.timeout();
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The shop's token endpoint settings when the shop has no {@code auth} of its own: the admin API's
     * {@code /api/oauth/token} with the client id and secret in the form body, as Shopware expects them.
     */
    static DestinationAuth tokenEndpoint(ShopProperties settings) {
        return new DestinationAuth(DestinationAuth.Type.OAUTH2_CLIENT_CREDENTIALS, null, null, null, null, null, null,
                URI.create(settings.requireShopwareSettings() + TOKEN_PATH), settings.clientId(), settings.clientSecret(),
                null, DestinationAuth.ClientAuthentication.POST, null, null);
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
            // the status as the cause: a 5xx, 408 or 429 makes the hub wait for the shop, another status dead-letters
            throw new ShopApiException("shop admin API answered " + status + " to " + call, new DestinationStatusException(status));
        }
    }

    /** One call with the cached token; after a 401 once more with a new token. Returns the status. */
    private int call(String method, String path, JsonNode body, String idempotencyKey) {
        String label = method + " " + (path.startsWith(CUSTOMER_PATH + "/") ? CUSTOMER_PATH + "/{id}" : path);
        String token = tokens.token();
        int status = send(method, path, body, idempotencyKey, token, label);
        if (status != 401) {
            return status;
        }
        LOG.info("shop admin API answered 401 to {}: renewing the access token and repeating the call once", label);
        tokens.renew(token);
        status = send(method, path, body, idempotencyKey, tokens.token(), label);
        if (status == 401) {
            throw new AuthenticationRefusedException("the shop refused the hub's credentials: " + label
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
}
