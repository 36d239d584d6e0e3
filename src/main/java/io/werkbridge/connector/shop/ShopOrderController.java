package io.werkbridge.connector.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.messaging.FeedsFlows;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.JsonSchemaCheck;
import io.werkbridge.model.MessageIds;
import io.werkbridge.model.Operation;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders from the online shop, as a plain request or as the shop's webhook event: validated against the contract
 * in {@code connectors/shop/} (unknown fields refused), mapped to a canonical order and queued for the ERP. Nothing
 * is queued for an invalid order.
 */
@RestController
public final class ShopOrderController {

    /** The flow that carries orders from the shop to the ERP. */
    public static final String FLOW = "orders";
    private static final JsonSchemaCheck ORDER = JsonSchemaCheck.fromClasspath("connectors/shop/order.schema.json");
    private static final JsonSchemaCheck WEBHOOK = JsonSchemaCheck.fromClasspath("connectors/shop/order-webhook.schema.json");
    private final InboundPublisher publisher;

    public ShopOrderController(InboundPublisher publisher) {
        this.publisher = publisher;
    }

    @FeedsFlows(value = FLOW, from = "shop")
    @PostMapping(path = "/api/v1/shop/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> order(@RequestBody byte[] body) {
        return accept(ORDER.requireValid(CanonicalJson.readExternal(body)), Instant.now());
    }

    @FeedsFlows(value = FLOW, from = "shop")
    @PostMapping(path = "/api/v1/shop/webhooks/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> webhook(@RequestBody byte[] body) {
        JsonNode event = WEBHOOK.requireValid(CanonicalJson.readExternal(body));
        JsonNode order = event.path("data");
        var violations = ORDER.violations(order, "data");
        if (!violations.isEmpty()) {
            throw new io.werkbridge.model.InvalidCanonicalMessageException(violations);
        }
        Instant at = event.hasNonNull("occurredAt") ? Instant.parse(event.path("occurredAt").asText()) : Instant.now();
        return accept(order, at);
    }

    private ResponseEntity<Map<String, String>> accept(JsonNode order, Instant occurredAt) {
        // the shop repeats an order it got no answer for (and retries a webhook): the same order, the same message id
        Envelope envelope = new Envelope(MessageIds.of("shop", order), EntityType.ORDER, order.path("orderNumber").asText(),
                Operation.UPSERT, occurredAt, "shop", order);
        String messageId = publisher.publish(FLOW, envelope);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", messageId, "status", "accepted"));
    }
}
