package io.werkbridge.connector.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.InvalidCanonicalMessageException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The customer app backend's push message (docs/shop-portal.md, "The customer app"): one event for the users of one
 * customer, made of the envelope the privacy gate let through for the app. Nothing is added that the gate did not
 * pass: the recipient is the body's customer number, the content the filtered body.
 */
@Component("appPushMessages")
public final class AppPushMessages {

    /** The app's events, one per kind of message it is sent. */
    private static final Set<String> EVENTS = Set.of("machine-alarm", "ticket-status");

    /**
     * @param filtered the envelope after {@code privacy:app}
     * @param event    {@code machine-alarm} or {@code ticket-status}
     * @throws InvalidCanonicalMessageException when the message names no customer to address (the app's policy must
     *                                          let the customer number through), without the message's values
     */
    public String toPush(String filtered, String event) {
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("app push: unknown event kind (expected one of " + EVENTS + ")");
        }
        JsonNode envelope = CanonicalJson.read(filtered);
        JsonNode body = envelope.path("body");
        JsonNode customer = body.path("customerNumber");
        if (!customer.isTextual() || customer.asText().isBlank()) {
            throw new InvalidCanonicalMessageException(List.of(
                    "$.body.customerNumber: an app push message is addressed to a customer, and this message names none"));
        }
        ObjectNode push = CanonicalJson.mapper().createObjectNode();
        push.putObject("recipient").put("customerNumber", customer.asText());
        push.put("event", event);
        push.put("messageId", envelope.path("messageId").asText());
        push.put("occurredAt", envelope.path("occurredAt").asText());
        push.set("data", body);
        return CanonicalJson.write(push);
    }
}
