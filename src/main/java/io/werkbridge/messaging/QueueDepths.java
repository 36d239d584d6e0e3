package io.werkbridge.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message counts of queues, asked from the broker's management address ({@code queue.<name>} attribute
 * {@code messageCount}): one request per queue, no browsing, the same for the embedded and an external broker.
 * Counts are kept for {@code maxAge}, so frequent scrapes cost the broker nothing extra.
 */
public final class QueueDepths {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);
    private static final long REPLY_TIMEOUT_MS = 2000;

    private final ConnectionFactory connectionFactory;
    private final String managementAddress;
    private final Duration maxAge;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private Instant countedAt = Instant.MIN;

    public QueueDepths(ConnectionFactory connectionFactory, String managementAddress, Duration maxAge, Clock clock) {
        this.connectionFactory = connectionFactory;
        this.managementAddress = managementAddress;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The number of messages on {@code queue}, or NaN when the broker could not be asked or has no such queue. */
    public synchronized double depth(String queue, Collection<String> allQueues) {
        if (countedAt.plus(maxAge).isBefore(clock.instant())) {
            counts = ask(allQueues);
            countedAt = clock.instant();
        }
        Long count = counts.get(queue);
        return count == null ? Double.NaN : count;
    }

    private Map<String, Long> ask(Collection<String> queues) {
        Map<String, Long> out = new HashMap<>();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(managementAddress));
                 MessageConsumer consumer = session.createConsumer(replies)) {
                for (String queue : queues) {
                    Message request = session.createMessage();
                    request.setJMSReplyTo(replies);
                    JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
                    producer.send(request);
                    Message reply = consumer.receive(REPLY_TIMEOUT_MS);
                    if (reply != null && JMSManagementHelper.hasOperationSucceeded(reply)) {
                        out.put(queue, ((Number) JMSManagementHelper.getResult(reply)).longValue());
                    }
                }
            } finally {
                replies.delete();
            }
        } catch (JMSException e) {
            LOG.warn("queue depths unavailable: the broker's management address {} did not answer ({})", managementAddress,
                    e.getClass().getSimpleName());
        } catch (Exception e) {
            LOG.warn("queue depths unavailable: unexpected management reply ({})", e.getClass().getSimpleName());
        }
        return out;
    }
}
