package io.werkbridge.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Held and dead-lettered messages past the retention age. They carry personal data, but deleting them would lose a
 * message the hub never delivered, so they are flagged instead: listed here and counted by the gauge
 * {@code werkbridge.parked.expired{flow, queue, kind}} (kind {@code hold} or {@code dead-letter}; queue names come from
 * the configuration, never from a message). They leave only by a recorded decision ({@link ParkingDecisions}).
 */
@Component
public class ExpiredParkings {

    static final String METRIC = "werkbridge.parked.expired";

    private final ParkedQueues parked;
    private final Map<String, Watched> queues = new LinkedHashMap<>();

    /** One parked queue and the expired count the last look found on it. */
    private record Watched(String flow, String destination, String kind, AtomicInteger expired) {
    }

    /** An expired parking as operators see it: where, which message, why it was parked and when; never the body. */
    public record Expired(String kind, String flow, String destination, String queue, String messageId, String jmsMessageId,
                          String reason, Instant parkedAt) {
    }

    public ExpiredParkings(FlowProperties flows, ConnectionFactory connectionFactory, MeterRegistry meters) {
        this.parked = new ParkedQueues(connectionFactory);
        flows.flows().forEach((flow, definition) -> {
            definition.destinationNames().forEach(destination ->
                    queues.put(FlowProperties.holdQueue(flow, destination), new Watched(flow, destination, "hold", new AtomicInteger())));
            queues.put(FlowProperties.deadLetter(flow), new Watched(flow, null, "dead-letter", new AtomicInteger()));
        });
        queues.forEach((queue, w) -> Gauge.builder(METRIC, w.expired(), AtomicInteger::get)
                .description("held or dead-lettered messages older than the retention age, awaiting an operator's decision")
                .tags("flow", w.flow(), "queue", queue, "kind", w.kind())
                .register(meters));
    }

    /** Every parking older than {@code cutoff}, oldest queue first as configured; the gauges are set to what it found. */
    public List<Expired> olderThan(Instant cutoff) {
        List<Expired> expired = new ArrayList<>();
        queues.forEach((queue, w) -> {
            List<ParkedQueues.Parked> old = parked.olderThan(queue, cutoff);
            w.expired().set(old.size());
            old.forEach(m -> expired.add(new Expired(w.kind(), w.flow(), w.destination(), queue, m.messageId(), m.jmsMessageId(),
                    ParkedMessage.of(m).reason(), m.parkedAt())));
        });
        return expired;
    }
}
