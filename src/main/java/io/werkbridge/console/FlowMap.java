package io.werkbridge.console;

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
 * the map changes when the routes or the policy do. A destination named like a connector's circuit breaker (the
 * ERP's is "erp") shows that breaker's state.
 */
public final class FlowMap {

    /** Endpoint schemes that are the hub's own plumbing, not a system data comes from. */
    private static final List<String> INTERNAL = List.of("direct", "seda", "jms", "activemq");

    public record Source(String route, String kind, String status) {
    }

    /**
     * @param state     delivering, waiting, held or dead-letters (the worst that applies)
     * @param stateText the state in words, for the page and screen readers
     */
    public record Destination(String id, String processor, String processorName, String country, String purpose,
                       String state, String stateText, Instant waitingSince, int pending, int held, int deadLettered,
                       double deliveredLastInterval) {
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

    FlowMap(FlowProperties flows, PolicyStore policies, CamelContext camel, QueueStates queues, ConsoleSeries series,
            List<CircuitBreaker> breakers) {
        this.breakers = List.copyOf(breakers);
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
        Optional<CircuitBreaker> breaker = breakers.stream().filter(b -> b.getName().equals(id)).findFirst();
        String state;
        String text;
        if (breaker.isPresent() && breaker.get().getState() != CircuitBreaker.State.CLOSED) {
            // a connector's breaker open: calls to the system are refused until it half-opens and a call succeeds
            state = "breaker-open";
            text = "circuit breaker " + breaker.get().getState().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (pending.count() > 0 ? ", " + pending.count() + " waiting" : "");
        } else if (deadLettered > 0) {
            state = "dead-letters";
            text = deadLettered + " dead-lettered";
        } else if (held.count() > 0) {
            state = "held";
            text = held.count() + " held by the privacy gate";
        } else if (pending.count() > 0) {
            state = "waiting";
            text = pending.count() + " waiting" + (pending.oldest() == null ? "" : " since " + pending.oldest());
        } else {
            state = "delivering";
            text = "nothing waiting";
        }
        return new Destination(id, rule.map(DestinationPolicy::processor).orElse(null), processor.map(DataProcessor::name).orElse(null),
                processor.map(DataProcessor::country).orElse(null), rule.map(DestinationPolicy::purpose).orElse(null),
                state, text, pending.oldest(), pending.count(), held.count(), deadLettered,
                series.latest("delivered|" + flow + "/" + id));
    }
}
