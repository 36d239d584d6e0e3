package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * How many messages wait in a flow's queues, counted by browsing (works with the embedded and an external broker).
 * Counting stops at {@link #LIMIT}: a console needs "a lot", not an exact figure that costs a full scan.
 */
@Component
public class QueueCounts {

    public static final int LIMIT = 1000;

    private final JmsTemplate jms;

    public QueueCounts(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
    }

    /** Messages waiting for one destination of a flow (its durable queue on the flow's multicast address). */
    public int pending(String flow, String destination) {
        return count(FlowProperties.address(flow) + "::" + FlowProperties.queue(flow, destination));
    }

    public int held(String flow, String destination) {
        return count(HoldQueues.holdQueue(flow, destination));
    }

    public int deadLettered(String flow) {
        return count(FlowProperties.deadLetter(flow));
    }

    private int count(String queue) {
        Integer counted = jms.browse(queue, (Session session, QueueBrowser browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            int n = 0;
            while (n < LIMIT && messages.hasMoreElements()) {
                messages.nextElement();
                n++;
            }
            return n;
        });
        return counted == null ? 0 : counted;
    }
}
