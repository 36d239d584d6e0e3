package io.werkbridge.connector.shop;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the {@code shopware:} component; in shopware mode its settings are checked at start-up. */
@Configuration(proxyBeanMethods = false)
class ShopConfiguration {

    @Bean("shopware")
    ShopwareComponent shopwareComponent(ShopProperties shop) {
        return new ShopwareComponent(shop.api() == ShopProperties.Api.SHOPWARE
                ? new ShopwareClient(shop, Clock.systemUTC()) : null);
    }
}
