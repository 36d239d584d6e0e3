package io.werkbridge.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.springframework.stereotype.Component;

/**
 * Which flow queue a route consumes from, found from the route's group (the flow) and its JMS {@code from}
 * endpoint, so shared processors know the flow and destination of an exchange without any per-route setting.
 */
@Component
public final class FlowRoutes {

    private final FlowProperties flows;
    private final Map<String, Optional<FlowQueue>> byRoute = new ConcurrentHashMap<>();

    public FlowRoutes(FlowProperties flows) {
        this.flows = flows;
    }

    /** The flow queue the exchange was consumed from; empty for routes that do not consume a flow queue. */
    public Optional<FlowQueue> consumedBy(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        if (routeId == null) {
            return Optional.empty();
        }
        return byRoute.computeIfAbsent(routeId, id -> resolve(exchange.getContext().getRoute(id), exchange.getFromEndpoint()));
    }

    private Optional<FlowQueue> resolve(Route route, Endpoint from) {
        if (route == null || !(from instanceof JmsEndpoint jms)) {
            return Optional.empty();
        }
        return flows.queueOf(route.getGroup(), jms.getDestinationName());
    }
}
