package io.werkbridge.messaging;

import java.util.Map;

/**
 * A dead-lettered or held message as the operations API reads it. {@code body} is the raw canonical message: it may
 * hold personal data and must be shown only through {@link io.werkbridge.privacy.gate.OperatorView}.
 *
 * @param messageId    the canonical message id, null for a message that never got one (an invalid inbound message)
 * @param jmsMessageId the broker's id of the parked copy
 * @param reason       why it was parked ({@link DeadLetters#REASON}), or the broker's note when the broker parked it
 */
public record ParkedMessage(String messageId, String jmsMessageId, String reason, String failedRoute, String failedQueue,
                            String failedAt, int deliveryCount, String body) {

    /** Properties the broker sets when it moves a message to a dead-letter address itself. */
    static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    static ParkedMessage of(ParkedQueues.Parked parked) {
        Map<String, String> p = parked.properties();
        String failedQueue = p.getOrDefault(DeadLetters.FAILED_QUEUE, p.get(BROKER_ORIGINAL_QUEUE));
        String reason = p.containsKey(DeadLetters.REASON) ? p.get(DeadLetters.REASON)
                : p.containsKey(BROKER_ORIGINAL_QUEUE) ? "the broker gave up after repeated rolled-back deliveries" : null;
        return new ParkedMessage(parked.messageId(), parked.jmsMessageId(), reason, p.get(DeadLetters.FAILED_ROUTE),
                failedQueue, p.get(DeadLetters.FAILED_AT), parked.deliveryCount(), parked.body());
    }
}
