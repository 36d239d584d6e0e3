package io.werkbridge.console;

import io.werkbridge.messaging.DestinationState;
import io.werkbridge.messaging.DestinationWaiting;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.policy.DataProcessor;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * The picture the console draws: each flow's sources (the running Camel routes of the flow's route group that take
 * data in), the flow with its live rate, the privacy gate's policy version, and each destination with its processor,
 * country and state. Built from the CamelContext, the flow configuration and the policy in force at each call, so
 * the map changes when the routes or the policy do. A destination's state comes from {@link DestinationWaiting}: waiting
 * (or waiting with a connector's circuit breaker open) while it is unavailable, since when, why, its backlog and the
 * next probe; otherwise dead letters, held messages or delivering.
 */
public final class FlowMap {

    /** Endpoint schemes that are the hub's own plumbing, not a system data comes from. */
    private static final List<String> INTERNAL = List.of("direct", "seda", "jms", "activemq");

    public record Source(String route, String kind, String status) {
    }

    /**
     * @param state        waiting, breaker-open, dead-letters, held or delivering (the worst that applies)
     * @param stateText    the state in words, for the page and screen readers
     * @param waitingSince when the destination became unavailable; null unless waiting or breaker-open
     * @param reason       the kind of the last failure while waiting (no answer text); null otherwise
     * @param nextProbe    when the hub next tries the unavailable destination; null otherwise
     * @param backlog      messages on the destination queue, as the broker counts them (-1: unknown)
     * @param alert        waiting longer than the destination's maximum wait
     */
    public record Destination(String id, String processor, String processorName, String country, String purpose,
                       String state, String stateText, Instant waitingSince, int pending, int held, int deadLettered,
                       double deliveredLastInterval, String reason, Instant nextProbe, long backlog, boolean alert) {
    }

    public record Flow(String id, List<Source> sources, double messagesPerSecond, int deadLetteredBeforeFanOut,
                List<Destination> destinations) {
    }

    /** A circuit breaker of a connector (named after the system it protects) and its state. */
    public record Breaker(String name, String state) {
    }

    public record View(String policyVersion, List<Flow> flows, List<Breaker> breakers) {
    }

    private final FlowProperties flows;
    private final PolicyStore policies;
    private final CamelContext camel;
    private final QueueStates queues;
    private final ConsoleSeries series;
    private final List<CircuitBreaker> breakers;
    private final DestinationWaiting waiting;

    FlowMap(FlowProperties flows, PolicyStore policies, CamelContext camel, QueueStates queues, ConsoleSeries series,
            List<CircuitBreaker> breakers, DestinationWaiting waiting) {
        this.breakers = List.copyOf(breakers);
        this.waiting = waiting;
        this.flows = flows;
        this.policies = policies;
        this.camel = camel;
        this.queues = queues;
        this.series = series;
    }

    View build() {
        PrivacyPolicy policy = policies.policy();
        List<Flow> out = new ArrayList<>();
        flows.flows().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String flow = e.getKey();
            Map<String, Integer> dead = queues.deadLettered(flow);
            List<Destination> destinations = e.getValue().destinationNames().stream()
                    .map(d -> destination(flow, d, policy, dead.getOrDefault(d, 0))).toList();
            out.add(new Flow(flow, sources(flow), series.latest("rate|" + flow), dead.getOrDefault("inbound", 0), destinations));
        });
        return new View(policy.version(), out, breakers.stream()
                .map(b -> new Breaker(b.getName(), b.getState().name().toLowerCase(java.util.Locale.ROOT)))
                .sorted(Comparator.comparing(Breaker::name)).toList());
    }

    private List<Source> sources(String flow) {
        return camel.getRoutes().stream()
                .filter(r -> flow.equals(r.getGroup()))
                .filter(r -> !INTERNAL.contains(scheme(r)))
                .sorted(Comparator.comparing(Route::getRouteId))
                .map(r -> new Source(r.getRouteId(), scheme(r),
                        camel.getRouteController().getRouteStatus(r.getRouteId()).name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static String scheme(Route route) {
        String uri = route.getEndpoint().getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    private Destination destination(String flow, String id, PrivacyPolicy policy, int deadLettered) {
        Optional<DestinationPolicy> rule = policy.destination(id);
        Optional<DataProcessor> processor = rule.flatMap(r -> policy.processor(r.processor()));
        QueueStates.Backlog pending = queues.pending(flow, id);
        QueueStates.Backlog held = queues.held(flow, id);
        DestinationState live = waiting.state(flow, id).orElse(null);
        String state;
        String text;
        if (live != null && live.isWaiting()) {
            // unavailable: its consumers pause, its messages wait on the queue, a probe tries it with back-off
            state = live.state();
            text = (DestinationState.BREAKER_OPEN.equals(state) ? "circuit breaker open, " : "") + "waiting since "
                    + live.since() + " (" + live.reason() + "), " + Math.max(0, live.backlog()) + " on the queue, next probe "
                    + live.nextProbe() + (live.alert() ? ", ALERT: longer than " + live.maximumWait() : "");
        } else if (deadLettered > 0) {
            state = "dead-letters";
            text = deadLettered + " dead-lettered";
        } else if (held.count() > 0) {
            state = "held";
            text = held.count() + " held by the privacy gate";
        } else {
            state = "delivering";
            text = pending.count() > 0 ? pending.count() + " queued" : "nothing waiting";
        }
        return new Destination(id, rule.map(DestinationPolicy::processor).orElse(null), processor.map(DataProcessor::name).orElse(null),
                processor.map(DataProcessor::country).orElse(null), rule.map(DestinationPolicy::purpose).orElse(null),
                state, text, live == null ? null : live.since(), pending.count(), held.count(), deadLettered,
                series.latest("delivered|" + flow + "/" + id), live == null ? null : live.reason(),
                live == null ? null : live.nextProbe(), live == null ? -1 : live.backlog(), live != null && live.alert());
    }
}
