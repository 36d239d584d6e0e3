package io.werkbridge.connector.shop;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ProcessorEndpoint;

/**
 * The {@code shopware:customers} component: a route reads {@code - to: shopware:customers} after {@code privacy:shop}.
 * Being an endpoint of its own, the send is the destination send of the {@code delivery} route configuration (the
 * idempotency ledger records it once the admin API accepted the customer).
 */
public final class ShopwareComponent extends DefaultComponent {

    private final ShopwareClient client;

    /** @param client the admin API client; null when the shop is delivered to as a webhook (then no send may use it) */
    public ShopwareComponent(ShopwareClient client) {
        this.client = client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (!"customers".equals(remaining)) {
            throw new IllegalArgumentException("the shopware endpoint is shopware:customers");
        }
        return new ProcessorEndpoint(uri, this, new ShopwareDelivery(client));
    }
}
