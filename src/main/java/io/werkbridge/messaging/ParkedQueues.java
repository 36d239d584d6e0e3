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
import java.util.function.Consumer;
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

    /**
     * A parked message: its ids, the string properties (the hub's reason headers among them), its body and when it
     * was parked (the parked copy's JMS timestamp).
     */
    record Parked(String messageId, String jmsMessageId, Map<String, String> properties, int deliveryCount, String body,
                  Instant parkedAt) {
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
     * of its own, and {@code decided} records the decision for it inside that transaction: if the record fails, the
     * message stays.
     */
    Moved move(String source, String id, Function<Parked, Optional<Target>> target, Consumer<Parked> decided) {
        int moved = 0;
        int stayed = 0;
        for (Parked parked : browse(source, id)) {
            Optional<Target> to = target.apply(parked);
            if (to.isEmpty()) {
                stayed++;
            } else if (take(source, parked.jmsMessageId(), to.get(), () -> decided.accept(parked))) {
                moved++;
            }
        }
        return new Moved(moved, stayed);
    }

    /**
     * The messages parked on {@code queue} before {@code cutoff}: retention flags them, it never removes them; they
     * leave only by a recorded decision.
     */
    List<Parked> olderThan(String queue, Instant cutoff) {
        List<Parked> older = jms.browseSelected(queue, "JMSTimestamp < " + cutoff.toEpochMilli(), (Session session, QueueBrowser browser) -> {
            List<Parked> out = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                out.add(parked((Message) e.nextElement()));
            }
            return out;
        });
        return older == null ? List.of() : older;
    }

    /** Removes one parked message for good, recording the decision in the same transaction; returns whether it was there. */
    boolean discard(String source, String id, Consumer<Parked> decided) {
        requireId(id);
        return browse(source, id).stream().anyMatch(parked -> take(source, parked.jmsMessageId(), null, () -> decided.accept(parked)));
    }

    /** How many messages moved, and how many stayed because they had no target. */
    record Moved(int moved, int stayed) {
    }

    /**
     * Receives one message by its JMS id and sends it on ({@code target} null: drops it), in one transaction;
     * {@code beforeCommit} runs once the message is in hand (the decision's record), and a failure of it rolls back.
     */
    private boolean take(String source, String jmsMessageId, Target target, Runnable beforeCommit) {
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
                beforeCommit.run();
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
                Collections.unmodifiableMap(properties), deliveryCount, body(m), Instant.ofEpochMilli(m.getJMSTimestamp()));
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
