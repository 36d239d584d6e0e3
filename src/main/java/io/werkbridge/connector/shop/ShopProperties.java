package io.werkbridge.connector.shop;

import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How customer master data reaches the shop ({@code werkbridge.destinations.shop.*}): as the filtered canonical
 * envelope posted to {@code url} ({@link Api#WEBHOOK}, the default), or through the shop's Shopware-like admin API
 * ({@link Api#SHOPWARE}) at {@code admin-url} with an OAuth2 client-credentials token.
 *
 * @param api          webhook or shopware
 * @param adminUrl     base URL of the admin API (shopware only)
 * @param clientId     OAuth2 client id of the hub's integration (shopware only)
 * @param clientSecret its secret, from the environment (shopware only; no default)
 * @param timeout      connect and answer timeout of each admin API call
 */
@Validated
@ConfigurationProperties("werkbridge.destinations.shop")
public record ShopProperties(Api api, String adminUrl, String clientId, String clientSecret,
                             @DurationMin(nanos = 0, inclusive = false) Duration timeout) {

    public enum Api { WEBHOOK, SHOPWARE }

    private static final String PREFIX = "werkbridge.destinations.shop.";

    public ShopProperties {
        api = api == null ? Api.WEBHOOK : api;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }

    /**
     * The admin API's base URL, once every setting shopware mode needs is there. A cross-field rule (these settings
     * are required only when {@code api} is shopware), so it stays in code rather than in a constraint; it runs when
     * the shopware client is built, at start-up.
     */
    URI requireShopwareSettings() {
        require(adminUrl, "admin-url", "WERKBRIDGE_SHOP_ADMIN_URL");
        require(clientId, "client-id", "WERKBRIDGE_SHOP_CLIENT_ID");
        require(clientSecret, "client-secret", "WERKBRIDGE_SHOP_CLIENT_SECRET");
        String base = adminUrl.strip();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    private static void require(String value, String name, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + name + " is required when " + PREFIX + "api is shopware (set "
                    + variable + ")");
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ShopProperties[api=" + api + ", adminUrl=" + adminUrl + ", clientId=" + clientId + ", timeout=" + timeout + "]";
    }
}
