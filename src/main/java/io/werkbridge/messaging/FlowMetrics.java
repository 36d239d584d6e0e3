package io.werkbridge.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counters and timers per flow and destination. Labels are flow and destination ids from the configuration, never
 * message content, so their number is bounded by the configuration.
 */
@Component
public final class FlowMetrics {

    static final String RECEIVED = "werkbridge.messages.received";
    static final String DELIVERED = "werkbridge.messages.delivered";
    static final String FAILED = "werkbridge.messages.failed";
    static final String HELD = "werkbridge.messages.held";
    static final String DUPLICATES = "werkbridge.messages.duplicates";
    static final String LATENCY = "werkbridge.delivery.latency";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A message entered the flow (published to its address). */
    public void received(String flow) {
        counter(RECEIVED, "messages accepted into the flow", flow, null).increment();
    }

    /** The destination accepted the message; {@code latency} runs from publication to the destination's answer. */
    public void delivered(FlowQueue queue, Duration latency) {
        counter(DELIVERED, "messages delivered to a destination", queue.flow(), queue.name()).increment();
        if (latency != null && !latency.isNegative()) {
            timers.computeIfAbsent(queue.flow() + '/' + queue.name(), k -> Timer.builder(LATENCY)
                    .description("time from publication on the flow to the destination's answer")
                    .tags("flow", queue.flow(), "destination", queue.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry)).record(latency);
        }
    }

    /** The message went to the flow's dead-letter queue. */
    public void failed(FlowQueue queue) {
        counter(FAILED, "messages parked on the flow's dead-letter queue", queue.flow(), queue.name()).increment();
    }

    /** The privacy gate held the message for a destination. */
    public void held(String flow, String destination) {
        counter(HELD, "messages the privacy gate held", flow, destination).increment();
    }

    /** A redelivered message was not sent again because the destination had it already. */
    public void duplicate(FlowQueue queue) {
        counter(DUPLICATES, "redelivered messages not sent again (delivered before)", queue.flow(), queue.name()).increment();
    }

    private Counter counter(String name, String description, String flow, String destination) {
        String key = name + '|' + flow + '|' + destination;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag("flow", flow);
            if (destination != null) {
                builder.tag("destination", destination);
            }
            return builder.register(registry);
        });
    }
}
