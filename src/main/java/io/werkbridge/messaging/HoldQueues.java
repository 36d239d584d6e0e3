package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The messages the privacy gate held, per flow and destination ({@code werkbridge.<flow>.<destination>.hold}).
 * Release puts them back on the destination's queue, where the gate decides again; discard removes them. Each move
 * is one local JMS transaction: a message is never lost and never on both queues.
 */
@Component
public class HoldQueues {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final long RECEIVE_TIMEOUT_MS = 200;
    private final JmsTemplate jms;

    public HoldQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** A held message as an operator sees it: ids, reason and time, never the body. */
    public record Held(String messageId, String reason, String heldAt) {
    }

    public List<Held> list(String flow, String destination) {
        String queue = holdQueue(flow, destination);
        return jms.browse(queue, (Session session, QueueBrowser browser) -> {
            List<Held> out = new ArrayList<>();
            for (Object element : Collections.list(browser.getEnumeration())) {
                Message m = (Message) element;
                out.add(new Held(m.getStringProperty(HttpDelivery.MESSAGE_ID), m.getStringProperty(DeadLetters.REASON),
                        m.getStringProperty(DeadLetters.FAILED_AT)));
            }
            return out;
        });
    }

    /**
     * Moves held messages (all, or the one with {@code messageId}) back to the destination queue, addressed by its
     * fully qualified name on the flow's multicast address so only that destination sees it again; returns how many.
     */
    public int release(String flow, String destination, String messageId) {
        String target = FlowProperties.address(flow) + "::" + FlowProperties.queue(flow, destination);
        return move(holdQueue(flow, destination), selector(messageId), target);
    }

    /** Removes one held message for good; returns 1 if it was there. */
    public int discard(String flow, String destination, String messageId) {
        if (messageId == null) {
            throw new IllegalArgumentException("discard needs the messageId of one held message");
        }
        return move(holdQueue(flow, destination), selector(messageId), null);
    }

    /**
     * Retention: removes parked messages (held or dead-lettered) older than {@code cutoff} from {@code queue}, or with
     * {@code dryRun} only counts them. Returns the number (to be) removed.
     */
    public int purgeOlderThan(String queue, Instant cutoff, boolean dryRun) {
        String selector = "JMSTimestamp < " + cutoff.toEpochMilli();
        if (dryRun) {
            Integer count = jms.browseSelected(queue, selector, (session, browser) -> Collections.list(browser.getEnumeration()).size());
            return count == null ? 0 : count;
        }
        return move(queue, selector, null);
    }

    private int move(String source, String selector, String target) {
        Integer moved = jms.execute(session -> {
            int count = 0;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(source), selector);
                 MessageProducer producer = target == null ? null : session.createProducer(session.createTopic(target))) {
                for (Message m = consumer.receive(RECEIVE_TIMEOUT_MS); m != null; m = consumer.receive(RECEIVE_TIMEOUT_MS)) {
                    if (producer != null) {
                        producer.send(copyOf(session, m));
                    }
                    session.commit();
                    count++;
                }
            } catch (JMSException e) {
                session.rollback();
                throw e;
            }
            return count;
        }, true);
        return moved == null ? 0 : moved;
    }

    /** The held message without the hold's own headers, keeping its body, group and message id. */
    private static Message copyOf(Session session, Message held) throws JMSException {
        Message copy = held instanceof TextMessage text
                ? session.createTextMessage(text.getText())
                : session.createTextMessage(held.getBody(String.class));
        copy.setStringProperty("JMSXGroupID", held.getStringProperty("JMSXGroupID"));
        copy.setStringProperty(HttpDelivery.MESSAGE_ID, held.getStringProperty(HttpDelivery.MESSAGE_ID));
        return copy;
    }

    private static String selector(String messageId) {
        if (messageId == null) {
            return null;
        }
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("messageId must be a UUID");
        }
        return HttpDelivery.MESSAGE_ID + " = '" + messageId + "'";
    }

    static String holdQueue(String flow, String destination) {
        if (!NAME.matcher(flow).matches() || !NAME.matcher(destination).matches()) {
            throw new IllegalArgumentException("flow and destination are lower-case names of letters, digits and '-'");
        }
        return FlowProperties.queue(flow, destination) + ".hold";
    }
}
