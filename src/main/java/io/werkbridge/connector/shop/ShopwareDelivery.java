package io.werkbridge.connector.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Delivers one filtered canonical customer message to the shop's admin API: an upsert becomes PATCH (or POST when
 * the shop does not know the customer), a patch (a partial update) becomes PATCH with only the delivered fields, a
 * delete becomes DELETE. The message id travels as {@code Idempotency-Key}.
 */
final class ShopwareDelivery implements Processor {

    private final ShopwareClient client;

    ShopwareDelivery(ShopwareClient client) {
        this.client = client;
    }

    @Override
    public void process(Exchange exchange) {
        if (client == null) {
            throw new IllegalStateException("shopware:customers is used while werkbridge.destinations.shop.api is not shopware");
        }
        JsonNode envelope = CanonicalJson.read(exchange.getMessage().getBody(String.class));
        if (!"customer".equals(envelope.path("type").asText())) {
            throw new ShopApiException("the shop admin API takes customer messages only, not type '"
                    + envelope.path("type").asText() + "'");
        }
        JsonNode body = envelope.path("body");
        String customerNumber = body.path("customerNumber").asText("");
        if (customerNumber.isBlank()) {
            throw new ShopApiException("the shop customer id is derived from body.customerNumber, which the message for"
                    + " the shop does not carry (check the shop's action for status.customer-number)");
        }
        String customerId = ShopwareCustomers.customerId(customerNumber);
        String messageId = envelope.path("messageId").asText(null);
        String operation = envelope.path("operation").asText();
        if ("delete".equals(operation)) {
            client.delete(customerId, messageId);
        } else if ("patch".equals(operation)) {
            client.patch(customerId, ShopwareCustomers.customerPatch(body), messageId);
        } else {
            client.upsert(customerId, ShopwareCustomers.customer(body), messageId);
        }
    }
}
