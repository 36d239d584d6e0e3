package io.werkbridge.connector.shop;

import io.werkbridge.credentials.DestinationCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@code shopware:} component; in shopware mode its settings are checked at start-up. Its token comes from
 * the shop destination's {@code auth} (oauth2-client-credentials) when set, else from admin-url, client-id and
 * client-secret.
 */
@Configuration(proxyBeanMethods = false)
class ShopConfiguration {

    @Bean("shopware")
    ShopwareComponent shopwareComponent(ShopProperties shop, DestinationCredentials credentials) {
        return new ShopwareComponent(shop.api() == ShopProperties.Api.SHOPWARE
                ? new ShopwareClient(shop, credentials.bearerTokens("shop", ShopwareClient.tokenEndpoint(shop))) : null);
    }
}
