package io.werkbridge.messaging;

import io.werkbridge.credentials.DestinationCredentials;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the routes of every flow in {@code werkbridge.flows} before Camel starts its routes, from the route templates in
 * {@code routes/flow-templates.camel.yaml}: {@code publish-<flow>}, {@code <flow>-inbound} and, for each destination,
 * {@code <flow>-to-<destination>}. A route that cannot be created stops the start-up, naming the flow.
 */
@Component
public final class FlowTemplates implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FlowTemplates.class);

    private final CamelContext camel;
    private final FlowProperties flows;
    private final DestinationCredentials credentials;

    public FlowTemplates(CamelContext camel, FlowProperties flows, DestinationCredentials credentials) {
        this.camel = camel;
        this.flows = flows;
        this.credentials = credentials;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        flows.flows().forEach((flow, definition) -> {
            add("flow-publish", "publish-" + flow, flow, Map.of());
            add("flow-inbound", flow + "-inbound", flow, Map.of());
            definition.destinations().forEach((destination, send) -> add("flow-destination", flow + "-to-" + destination,
                    flow, Map.of("destination", destination, "send", withTls(destination, send),
                            "select", definition.selectionOf(destination))));
            LOG.info("flow {}: delivering to {}", flow, definition.destinationNames());
        });
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing: the routes start with the others
    }

    /**
     * The send endpoint of a destination that authenticates with a client certificate: an HTTPS URL with the
     * destination's SSL context ({@code sslContextParameters=#werkbridgeTls-<destination>}), bound in Camel's registry.
     */
    private String withTls(String destination, String send) {
        return credentials.tls(destination).map(tls -> {
            if (send.startsWith("http:")) {
                throw new IllegalStateException("werkbridge.destinations." + destination + ".auth is mtls, so its"
                        + " URLs must be https: (werkbridge.flows.*.destinations." + destination + ")");
            }
            if (!send.startsWith("https:")) {
                return send; // a connector route (direct:) has its own TLS settings
            }
            String bean = "werkbridgeTls-" + destination;
            camel.getRegistry().bind(bean, tls);
            return send + (send.contains("?") ? "&" : "?") + "sslContextParameters=#" + bean;
        }).orElse(send);
    }

    /** The route's group is its flow: the error handling parks by it and {@link FlowRoutes} resolves queues by it. */
    private void add(String template, String routeId, String flow, Map<String, Object> parameters) {
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, template).routeId(routeId)
                .parameter("flow", flow)
                // a template's group takes no parameter; the template is copied into the route right after this
                .handler(definition -> definition.getRoute().setGroup(flow));
        parameters.forEach(builder::parameter);
        try {
            builder.add();
        } catch (RuntimeException e) {
            throw new IllegalStateException("werkbridge.flows: route " + routeId + " cannot be created from template "
                    + template + ": " + e.getMessage(), e);
        }
    }
}
