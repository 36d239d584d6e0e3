package io.werkbridge.messaging;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The flows and their destinations. Each flow gets a multicast address {@code werkbridge.<flow>} with one durable
 * queue per destination ({@code werkbridge.<flow>.<destination>}), an inbound queue for canonical messages from
 * any producer ({@code werkbridge.<flow>.inbound}) and a dead-letter queue ({@code werkbridge.<flow>.dlq}).
 */
@ConfigurationProperties("werkbridge")
public record FlowProperties(Map<String, Flow> flows) {

    public FlowProperties {
        flows = flows == null ? Map.of() : Map.copyOf(flows);
    }

    public record Flow(List<String> destinations) {
        public Flow {
            destinations = destinations == null ? List.of() : List.copyOf(destinations);
        }
    }

    public static String address(String flow) {
        return "werkbridge." + flow;
    }

    public static String queue(String flow, String destination) {
        return address(flow) + "." + destination;
    }

    public static String inbound(String flow) {
        return address(flow) + ".inbound";
    }

    public static String deadLetter(String flow) {
        return address(flow) + ".dlq";
    }
}
