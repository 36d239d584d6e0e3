package io.werkbridge.messaging;

import java.util.function.UnaryOperator;
import org.apache.camel.Exchange;

/**
 * The step before a message is published on a flow's address ({@code flow-publish} in
 * {@code routes/flow-templates.camel.yaml}): the canonical message id becomes Artemis' duplicate
 * detection id, so the broker drops a second publication of the same message (an inbound message redelivered after
 * a crash between publishing and acknowledging); the message group (JMSXGroupID, the entity key, e.g. a customer
 * number) is replaced by its keyed hash, so ordering per key holds while the broker's logs and consoles never show
 * the key; every other header is removed, so nothing of the inbound request (HTTP or SOAP headers such as
 * Authorization, the caller's address, file names) is stored on the broker with the message; and the flow's received
 * counter moves.
 */
public final class FlowPublishing {

    /** Artemis' duplicate detection property ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final FlowMetrics metrics;
    private final UnaryOperator<String> groupHash;

    /** @param groupHash a stable, keyed, one-way hash (the same key on every hub of a deployment) */
    public FlowPublishing(FlowMetrics metrics, UnaryOperator<String> groupHash) {
        this.metrics = metrics;
        this.groupHash = groupHash;
    }

    public void prepare(Exchange exchange, String flow) {
        // by hand: Camel's removeHeaders with exclude patterns compiled a regular expression per header and pattern
        exchange.getMessage().getHeaders().keySet()
                .removeIf(name -> !name.regionMatches(true, 0, HubHeaders.PREFIX, 0, HubHeaders.PREFIX.length())
                        && !name.equalsIgnoreCase(HubHeaders.GROUP_ID));
        String messageId = exchange.getMessage().getHeader(HubHeaders.MESSAGE_ID, String.class);
        if (messageId != null) {
            exchange.getMessage().setHeader(DUPLICATE_ID, messageId);
        }
        String group = exchange.getMessage().getHeader(HubHeaders.GROUP_ID, String.class);
        if (group != null && !group.isEmpty()) {
            exchange.getMessage().setHeader(HubHeaders.GROUP_ID, groupHash.apply(group));
        }
        metrics.received(flow);
    }
}
