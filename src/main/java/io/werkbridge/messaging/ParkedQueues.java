package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
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
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jms.core.JmsTemplate;

/**
 * Browsing and moving messages parked on a queue (dead letters, held messages). A parked message is addressed by its
 * canonical message id or, for a message that never got one (an invalid inbound message), by its JMS message id.
 * Each move is one local JMS transaction: a message is never lost and never on both queues.
 */
final class ParkedQueues {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern JMS_ID = Pattern.compile("ID:[0-9a-fA-F-]{36}");
    private static final long RECEIVE_TIMEOUT_MS = 200;
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private final JmsTemplate jms;

    /** Where a moved message goes: a queue, or a queue on a multicast address by its fully qualified name. */
    record Target(String name, boolean multicast) {
    }

    /** A parked message: its ids, the string properties (the hub's reason headers among them) and its body. */
    record Parked(String messageId, String jmsMessageId, Map<String, String> properties, int deliveryCount, String body) {
    }

    ParkedQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    List<Parked> browse(String queue, String id) {
        return jms.browseSelected(queue, selector(id), (Session session, QueueBrowser browser) -> {
            List<Parked> out = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                out.add(parked((Message) e.nextElement()));
            }
            return out;
        });
    }

    Optional<Parked> find(String queue, String id) {
        requireId(id);
        return browse(queue, id).stream().findFirst();
    }

    /**
     * Moves the messages selected by {@code id} (all when null) to the target each one names; a message for which
     * {@code target} answers empty stays where it is and is counted as stayed. Each message moves in a transaction
     * of its own.
     */
    Moved move(String source, String id, Function<Parked, Optional<Target>> target) {
        int moved = 0;
        int stayed = 0;
        for (Parked parked : browse(source, id)) {
            Optional<Target> to = target.apply(parked);
            if (to.isEmpty()) {
                stayed++;
            } else if (take(source, parked.jmsMessageId(), to.get())) {
                moved++;
            }
        }
        return new Moved(moved, stayed);
    }

    /** Removes (or with {@code dryRun} counts) the messages parked before {@code cutoff}, each in its own transaction. */
    int purgeOlderThan(String queue, Instant cutoff, boolean dryRun) {
        String selector = "JMSTimestamp < " + cutoff.toEpochMilli();
        List<String> ids = jms.browseSelected(queue, selector, (Session session, QueueBrowser browser) -> {
            List<String> out = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                out.add(((Message) e.nextElement()).getJMSMessageID());
            }
            return out;
        });
        if (ids == null || dryRun) {
            return ids == null ? 0 : ids.size();
        }
        return (int) ids.stream().filter(id -> take(queue, id, null)).count();
    }

    /** Removes one parked message for good; returns whether it was there. */
    boolean discard(String source, String id) {
        requireId(id);
        return browse(source, id).stream().anyMatch(parked -> take(source, parked.jmsMessageId(), null));
    }

    /** How many messages moved, and how many stayed because they had no target. */
    record Moved(int moved, int stayed) {
    }

    /** Receives one message by its JMS id and sends it on ({@code target} null: drops it), in one transaction. */
    private boolean take(String source, String jmsMessageId, Target target) {
        Boolean taken = jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(source),
                    "JMSMessageID = '" + jmsMessageId + "'")) {
                Message m = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (m == null) {
                    return false;
                }
                if (target != null) {
                    send(session, target, m);
                }
                session.commit();
                return true;
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }, true);
        return Boolean.TRUE.equals(taken);
    }

    private static void send(Session session, Target target, Message original) {
        try {
            Destination destination = target.multicast() ? session.createTopic(target.name()) : session.createQueue(target.name());
            try (MessageProducer producer = session.createProducer(destination)) {
                producer.send(copyOf(session, original));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot send the parked message to " + target.name(), e);
        }
    }

    /** The parked message without the parking headers, keeping its body, group and message id. */
    private static Message copyOf(Session session, Message parked) throws JMSException {
        Message copy = session.createTextMessage(body(parked));
        copy.setStringProperty("JMSXGroupID", parked.getStringProperty("JMSXGroupID"));
        copy.setStringProperty(HubHeaders.MESSAGE_ID, parked.getStringProperty(HubHeaders.MESSAGE_ID));
        return copy;
    }

    private static Parked parked(Message m) throws JMSException {
        Map<String, String> properties = new TreeMap<>();
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            Object value = m.getObjectProperty(name);
            if (value != null) {
                properties.put(name, value.toString());
            }
        }
        int deliveryCount = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0;
        return new Parked(m.getStringProperty(HubHeaders.MESSAGE_ID), m.getJMSMessageID(),
                Collections.unmodifiableMap(properties), deliveryCount, body(m));
    }

    private static String body(Message m) throws JMSException {
        if (m instanceof TextMessage text) {
            return text.getText();
        }
        if (m instanceof jakarta.jms.BytesMessage bytes && bytes.getBodyLength() <= MAX_BODY) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            bytes.reset();
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
        return m.getBody(String.class);
    }

    static void requireId(String id) {
        if (id == null || !(UUID.matcher(id).matches() || JMS_ID.matcher(id).matches())) {
            throw new InvalidSelectionException("messageId must be a message's UUID or its JMS message id (ID:<uuid>)");
        }
    }

    private static String selector(String id) {
        if (id == null) {
            return null;
        }
        requireId(id);
        return id.startsWith("ID:") ? "JMSMessageID = '" + id + "'" : HubHeaders.MESSAGE_ID + " = '" + id + "'";
    }
}
