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
        return publishValid(flow, envelope, validator.toValidJson(envelope));
    }

    /**
     * For a caller that validated the envelope already: {@code json} is what {@link CanonicalValidator#toValidJson}
     * gave for it.
     *
     * @return the message id
     */
    public String publishValid(String flow, Envelope envelope, String json) {
        jms.convertAndSend(FlowProperties.inbound(flow), json, message -> {
            message.setStringProperty(HubHeaders.MESSAGE_ID, envelope.messageId());
            message.setStringProperty("JMSXGroupID", envelope.key());
            return message;
        });
        return envelope.messageId();
    }
}
