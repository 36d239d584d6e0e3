package io.werkbridge.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * Each destination's state ({@link DestinationState}) as gauges tagged with flow and destination only:
 * {@code werkbridge.destination.state} (0 delivering, 1 waiting, 2 breaker open), {@code .waiting.seconds} (0 when
 * delivering), {@code .next.probe.seconds}, {@code .backlog} (queue depth) and {@code .waiting.alert} (1 once
 * waiting longer than the destination's maximum wait).
 */
public final class DestinationStateMetrics implements MeterBinder {

    private final DestinationWaiting waiting;

    public DestinationStateMetrics(DestinationWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DestinationState each : waiting.states()) {
            String flow = each.flow();
            String destination = each.destination();
            gauge(registry, "werkbridge.destination.state", "0 delivering, 1 waiting for it, 2 waiting with its circuit breaker open",
                    flow, destination, s -> switch (s.state()) {
                        case DestinationState.WAITING -> 1;
                        case DestinationState.BREAKER_OPEN -> 2;
                        default -> 0;
                    });
            gauge(registry, "werkbridge.destination.waiting.seconds", "how long the destination has been unavailable",
                    flow, destination, s -> s.since() == null ? 0 : seconds(s.since(), Instant.now()));
            gauge(registry, "werkbridge.destination.next.probe.seconds", "time to the next probe of an unavailable destination",
                    flow, destination, s -> s.nextProbe() == null ? 0 : Math.max(0, seconds(Instant.now(), s.nextProbe())));
            gauge(registry, "werkbridge.destination.backlog", "messages on the destination's queue", flow, destination,
                    s -> s.backlog() < 0 ? Double.NaN : s.backlog());
            gauge(registry, "werkbridge.destination.waiting.alert", "1: unavailable for longer than its maximum wait",
                    flow, destination, s -> s.alert() ? 1 : 0);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String flow, String destination,
                       ToDoubleFunction<DestinationState> value) {
        Gauge.builder(name, waiting, w -> w.state(flow, destination).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tags("flow", flow, "destination", destination).register(registry);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
