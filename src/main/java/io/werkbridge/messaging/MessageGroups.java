package io.werkbridge.messaging;

import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import org.springframework.stereotype.Component;

/**
 * The message group of a canonical message: the JMS group whose messages the broker delivers in order, across
 * consumers and hubs. A machine's events: the machine (the envelope key). Everything else: the customer it is about
 * (its customer number; a customer's key is its customer number), or the envelope key when the body names none.
 * {@link FlowPublishing} replaces the group by its keyed hash before it reaches the broker.
 */
@Component("messageGroups")
public final class MessageGroups {

    public String of(Envelope envelope) {
        if (envelope.type() == EntityType.MACHINE_EVENT) {
            return envelope.key();
        }
        String customerNumber = envelope.body().path("customerNumber").asText("");
        return customerNumber.isEmpty() ? envelope.key() : customerNumber;
    }
}
