package io.werkbridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.messaging.ParkedMessage;
import io.werkbridge.privacy.gate.OperatorView;
import io.werkbridge.privacy.gate.PrivacyGate;
import java.util.List;
import java.util.Set;

/**
 * A parked message (dead letter or held message) as the operations API shows it: why and where it failed, and its
 * content with every personal value masked ({@link OperatorView}); never the raw body.
 */
public record ParkedMessageView(String messageId, String jmsMessageId, String reason, String failedRoute,
                                String failedQueue, String failedAt, int deliveryCount, JsonNode message,
                                Set<String> unclassified, String note) {

    /** Without the message: for lists. */
    public record Summary(String messageId, String jmsMessageId, String reason, String failedRoute, String failedQueue,
                          String failedAt, int deliveryCount) {

        static Summary of(ParkedMessage m) {
            return new Summary(m.messageId(), m.jmsMessageId(), m.reason(), m.failedRoute(), m.failedQueue(),
                    m.failedAt(), m.deliveryCount());
        }
    }

    /** The first {@code limit} of a list (all without a limit); a limit below 1 is refused. */
    static <T> List<T> first(List<T> all, Integer limit) {
        if (limit == null) {
            return all;
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return all.size() <= limit ? all : all.subList(0, limit);
    }

    static ParkedMessageView of(ParkedMessage m, PrivacyGate gate) {
        OperatorView.View view = OperatorView.of(gate, m.body());
        return new ParkedMessageView(m.messageId(), m.jmsMessageId(), m.reason(), m.failedRoute(), m.failedQueue(),
                m.failedAt(), m.deliveryCount(), view.message(), view.unclassified(), view.note());
    }
}
