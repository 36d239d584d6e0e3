package io.werkbridge.messaging;

import io.werkbridge.model.Envelope;
import org.springframework.stereotype.Component;

/**
 * The message group of a document about a customer (an invoice, a service report): its customer number, so the
 * documents of one customer are delivered in order across consumers and hubs. A body without one falls back to
 * the envelope key. {@link FlowPublishing} replaces the group by its keyed hash before it reaches the broker.
 */
@Component("customerGroup")
public final class CustomerGroup {

    public String of(Envelope envelope) {
        String customerNumber = envelope.body().path("customerNumber").asText("");
        return customerNumber.isEmpty() ? envelope.key() : customerNumber;
    }
}
