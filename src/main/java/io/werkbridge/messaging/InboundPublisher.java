package io.werkbridge.messaging;

import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
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

    /**
     * Validates every envelope, then puts them all onto the flow's inbound queue in one JMS transaction: one journal
     * sync for the batch instead of one per message (a bulk source such as an initial load), and all or none queued.
     *
     * @return the message ids
     */
    public List<String> publishAll(String flow, List<Envelope> envelopes) {
        return publishAllValid(flow, envelopes, envelopes.stream().map(validator::toValidJson).toList());
    }

    /**
     * {@link #publishAll} for a caller that validated the envelopes already: {@code json} holds what
     * {@link CanonicalValidator#toValidJson} gave for each, in the same order.
     *
     * @return the message ids
     */
    public List<String> publishAllValid(String flow, List<Envelope> envelopes, List<String> json) {
        if (json.size() != envelopes.size()) {
            throw new IllegalArgumentException("one JSON text per envelope: " + envelopes.size() + " envelopes, " + json.size() + " texts");
        }
        try (Connection connection = jms.getConnectionFactory().createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(FlowProperties.inbound(flow)))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < envelopes.size(); i++) {
                TextMessage message = session.createTextMessage(json.get(i));
                message.setStringProperty(HubHeaders.MESSAGE_ID, envelopes.get(i).messageId());
                message.setStringProperty("JMSXGroupID", envelopes.get(i).key());
                producer.send(message);
            }
            session.commit();
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
        return envelopes.stream().map(Envelope::messageId).toList();
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
