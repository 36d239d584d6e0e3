package io.werkbridge.console;

import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.messaging.FlowProperties;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;

/**
 * What waits in a flow's queues, per destination, by browsing (no consumption, works with any broker): the count
 * and the oldest message's publication time of the destination queue and its hold queue, and the flow's dead
 * letters by the destination queue they failed on. Each browse stops at {@link #LIMIT} messages.
 */
final class QueueStates {

    static final int LIMIT = 1000;

    /** {@code oldest} is null when the queue is empty. */
    record Backlog(int count, Instant oldest) {
        static final Backlog EMPTY = new Backlog(0, null);
    }

    private final JmsTemplate jms;

    QueueStates(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
    }

    Backlog pending(String flow, String destination) {
        return backlog(FlowProperties.address(flow) + "::" + FlowProperties.queue(flow, destination));
    }

    Backlog held(String flow, String destination) {
        return backlog(FlowProperties.holdQueue(flow, destination));
    }

    /** Dead letters of the flow per destination id ("inbound" for a failure before the fan-out). */
    Map<String, Integer> deadLettered(String flow) {
        String prefix = FlowProperties.address(flow) + ".";
        Map<String, Integer> out = new HashMap<>();
        jms.browse(FlowProperties.deadLetter(flow), (Session session, QueueBrowser browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            for (int n = 0; n < LIMIT && messages.hasMoreElements(); n++) {
                String queue = ((Message) messages.nextElement()).getStringProperty(DeadLetters.FAILED_QUEUE);
                String destination = queue != null && queue.startsWith(prefix) ? queue.substring(prefix.length()) : "inbound";
                out.merge(destination, 1, Integer::sum);
            }
            return null;
        });
        return out;
    }

    private Backlog backlog(String queue) {
        Backlog backlog = jms.browse(queue, (Session session, QueueBrowser browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            int n = 0;
            long oldest = Long.MAX_VALUE;
            while (n < LIMIT && messages.hasMoreElements()) {
                oldest = Math.min(oldest, timestamp((Message) messages.nextElement()));
                n++;
            }
            return n == 0 ? Backlog.EMPTY : new Backlog(n, oldest == Long.MAX_VALUE || oldest <= 0 ? null : Instant.ofEpochMilli(oldest));
        });
        return backlog == null ? Backlog.EMPTY : backlog;
    }

    private static long timestamp(Message message) throws JMSException {
        return message.getJMSTimestamp();
    }
}
