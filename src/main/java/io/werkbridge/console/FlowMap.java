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

/**
 * The picture the console draws: each flow's sources ({@link FlowSources}: the running routes and HTTP endpoints
 * that publish to it), the flow with its live rate, the privacy gate's policy version, each destination with its
 * processor, country and state, and where data-subject requests go. Built from the CamelContext, the flow configuration and the policy in force at each call, so
 * the map changes when the routes or the policy do. A destination named like a connector's circuit breaker (the
 * ERP's is "erp") shows that breaker's state.
 */
public final class FlowMap {

    /**
     * @param state     delivering, waiting, held or dead-letters (the worst that applies)
     * @param stateText the state in words, for the page and screen readers
     */
    public record Destination(String id, String processor, String processorName, String country, String purpose,
                       String state, String stateText, Instant waitingSince, int pending, int held, int deadLettered,
                       double deliveredLastInterval) {
    }

    public record Flow(String id, List<FlowSources.Source> sources, double messagesPerSecond, int deadLetteredBeforeFanOut,
                List<Destination> destinations) {
    }

    /** A circuit breaker of a connector (named after the system it protects) and its state. */
    public record Breaker(String name, String state) {
    }

    /**
     * Data-subject requests: who files them (the DPO, through these HTTP endpoints) and the systems the hub carries
     * them to (werkbridge.rights.systems, connectors' targets and the hub's own stores).
     */
    public record Rights(List<String> endpoints, List<String> systems) {
    }

    public record View(String policyVersion, List<Flow> flows, List<Breaker> breakers, Rights rights) {
    }

    private final FlowProperties flows;
    private final PolicyStore policies;
    private final FlowSources sources;
    private final java.util.function.Supplier<Rights> rights;
    private final QueueStates queues;
    private final ConsoleSeries series;
    private final List<CircuitBreaker> breakers;

    FlowMap(FlowProperties flows, PolicyStore policies, FlowSources sources, java.util.function.Supplier<Rights> rights, QueueStates queues,
            ConsoleSeries series, List<CircuitBreaker> breakers) {
        this.breakers = List.copyOf(breakers);
        this.flows = flows;
        this.policies = policies;
        this.sources = sources;
        this.rights = rights;
        this.queues = queues;
        this.series = series;
    }

    View build() {
        PrivacyPolicy policy = policies.policy();
        List<Flow> out = new ArrayList<>();
        Map<String, List<FlowSources.Source>> fed = sources.of(flows.flows().keySet());
        flows.flows().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String flow = e.getKey();
            Map<String, Integer> dead = queues.deadLettered(flow);
            List<Destination> destinations = e.getValue().destinationNames().stream()
                    .map(d -> destination(flow, d, policy, dead.getOrDefault(d, 0))).toList();
            out.add(new Flow(flow, fed.get(flow), series.latest("rate|" + flow), dead.getOrDefault("inbound", 0), destinations));
        });
        return new View(policy.version(), out, breakers.stream()
                .map(b -> new Breaker(b.getName(), b.getState().name().toLowerCase(java.util.Locale.ROOT)))
                .sorted(Comparator.comparing(Breaker::name)).toList(), rights.get());
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
