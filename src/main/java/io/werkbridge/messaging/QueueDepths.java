package io.werkbridge.messaging;

import jakarta.jms.JMSException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message counts of queues, asked from the broker's management address ({@code queue.<name>} attribute
 * {@code messageCount}): one request per queue, no browsing, the same for the embedded and an external broker.
 * Counts are kept for {@code maxAge}, so frequent scrapes cost the broker nothing extra.
 */
public final class QueueDepths {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);

    private final BrokerManagement management;
    private final Duration maxAge;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private Instant countedAt = Instant.MIN;

    QueueDepths(BrokerManagement management, Duration maxAge, Clock clock) {
        this.management = management;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The number of messages on {@code queue}, or NaN when the broker could not be asked or has no such queue. */
    public synchronized double depth(String queue, List<String> allQueues) {
        if (countedAt.plus(maxAge).isBefore(clock.instant())) {
            counts = ask(allQueues);
            countedAt = clock.instant();
        }
        Long count = counts.get(queue);
        return count == null ? Double.NaN : count;
    }

    private Map<String, Long> ask(List<String> queues) {
        Map<String, Long> out = new HashMap<>();
        try {
            List<BrokerManagement.Reply> replies = management.ask(queues.stream()
                    .map(q -> BrokerManagement.Request.attribute(ResourceNames.QUEUE + q, "messageCount")).toList());
            for (int i = 0; i < queues.size(); i++) {
                if (replies.get(i).succeeded() && replies.get(i).result() instanceof Number count) {
                    out.put(queues.get(i), count.longValue());
                }
            }
        } catch (JMSException e) {
            LOG.warn("queue depths unavailable: the broker's management address did not answer ({})", e.getClass().getSimpleName());
        }
        return out;
    }
}
