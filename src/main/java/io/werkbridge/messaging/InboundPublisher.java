package io.werkbridge.messaging;

import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a canonical message, validated, onto a flow's inbound queue ({@code werkbridge.<flow>.inbound}), persistent,
 * before the caller is answered: once this returns, the message is the broker's and cannot be lost.
 */
@Component
public class InboundPublisher {

    private final JmsTemplate jms;
    private final CanonicalValidator validator;

    public InboundPublisher(JmsTemplate jms, CanonicalValidator validator) {
        this.jms = jms;
        this.validator = validator;
    }

    /** @return the message id */
    public String publish(String flow, Envelope envelope) {
        String json = validator.toValidJson(envelope);
        jms.convertAndSend(FlowProperties.inbound(flow), json, message -> {
            message.setStringProperty(HttpDelivery.MESSAGE_ID, envelope.messageId());
            message.setStringProperty("JMSXGroupID", envelope.key());
            return message;
        });
        return envelope.messageId();
    }
}
