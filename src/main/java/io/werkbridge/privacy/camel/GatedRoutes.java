package io.werkbridge.privacy.camel;

import io.werkbridge.privacy.gate.GatedChannel;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointAware;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;

/**
 * Which running routes pass which destination's gate: read from the CamelContext's routes themselves (each route's
 * processors, down to its {@code privacy:<destination>} step), so the register shows what is wired, not a copy of
 * the configuration. A route's group is its flow (the flow templates set it).
 */
public final class GatedRoutes {

    /** One route that delivers through a destination's gate. */
    public record GatedRoute(String flow, String routeId) {
    }

    private final CamelContext camel;
    private final List<GatedChannel> channels;

    public GatedRoutes(CamelContext camel) {
        this(camel, List.of());
    }

    /** @param channels disclosure paths outside Camel that pass a destination's policy (e.g. telemetry) */
    public GatedRoutes(CamelContext camel, List<GatedChannel> channels) {
        this.camel = camel;
        this.channels = List.copyOf(channels);
    }

    /**
     * For a policy about to replace the one in force: every destination a started route delivers to must keep its
     * policy, or the reload is refused (the route would otherwise hold every message it gets).
     */
    public List<String> missingDestinations(PrivacyPolicy policy) {
        List<String> problems = new ArrayList<>();
        byDestination().forEach((destination, routes) -> {
            if (policy.destination(destination).isEmpty()) {
                problems.add("destinations.yml: destination '" + destination + "' is removed, but route(s) "
                        + routes.stream().map(GatedRoute::routeId).toList() + " deliver to it");
            }
        });
        return problems;
    }

    /** Destination → the started routes that pass its gate, ordered by flow and route id. */
    public Map<String, List<GatedRoute>> byDestination() {
        Map<String, List<GatedRoute>> result = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            // a stopped or suspended route delivers nothing
            if (!camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                continue;
            }
            Set<String> destinations = new LinkedHashSet<>();
            collect(route.navigate(), destinations, 0);
            String flow = route.getGroup() == null ? route.getRouteId() : route.getGroup();
            destinations.forEach(d -> result.computeIfAbsent(d, k -> new ArrayList<>()).add(new GatedRoute(flow, route.getRouteId())));
        }
        channels.forEach(c -> result.computeIfAbsent(c.destination(), k -> new ArrayList<>()).add(new GatedRoute(c.flow(), c.id())));
        result.values().forEach(routes -> routes.sort(Comparator.comparing(GatedRoute::flow).thenComparing(GatedRoute::routeId)));
        return result;
    }

    /** Depth-bounded: a route's processor tree is shallow, a cycle in a custom processor must not hang the register. */
    private static void collect(Navigate<Processor> node, Set<String> destinations, int depth) {
        if (node == null || depth > 64 || !node.hasNext()) {
            return;
        }
        for (Processor processor : node.next()) {
            if (processor instanceof EndpointAware aware && aware.getEndpoint() instanceof PrivacyEndpoint gate) {
                destinations.add(gate.destination());
            }
            if (processor instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> next = (Navigate<Processor>) child;
                collect(next, destinations, depth + 1);
            }
        }
    }
}
