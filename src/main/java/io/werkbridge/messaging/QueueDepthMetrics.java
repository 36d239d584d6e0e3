package io.werkbridge.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * Gauges {@code werkbridge.queue.depth{flow, queue, kind}} for every queue of every flow: the destination queues
 * (backlog), the hold queues, the inbound and the dead-letter queue. Queue names come from the configuration.
 */
public final class QueueDepthMetrics implements MeterBinder {

    static final String NAME = "werkbridge.queue.depth";

    private final FlowProperties flows;
    private final QueueDepths depths;

    public QueueDepthMetrics(FlowProperties flows, QueueDepths depths) {
        this.flows = flows;
        this.depths = depths;
    }

    private record Watched(String flow, String queue, String kind) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<Watched> watched = new ArrayList<>();
        flows.flows().forEach((flow, definition) -> {
            definition.destinationNames().forEach(destination -> {
                watched.add(new Watched(flow, FlowProperties.queue(flow, destination), "destination"));
                watched.add(new Watched(flow, FlowProperties.holdQueue(flow, destination), "hold"));
            });
            watched.add(new Watched(flow, FlowProperties.inbound(flow), "inbound"));
            watched.add(new Watched(flow, FlowProperties.deadLetter(flow), "dead-letter"));
        });
        List<String> names = watched.stream().map(Watched::queue).toList();
        watched.forEach(w -> Gauge.builder(NAME, depths, d -> d.depth(w.queue(), names))
                .description("messages on a flow's queue (destination backlog, held, inbound, dead letters)")
                .tags("flow", w.flow(), "queue", w.queue(), "kind", w.kind())
                .register(registry));
    }
}
