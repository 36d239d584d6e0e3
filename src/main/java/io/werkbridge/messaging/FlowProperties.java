package io.werkbridge.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The flows and their destinations. Each flow gets a multicast address {@code werkbridge.<flow>} with one durable
 * queue per destination ({@code werkbridge.<flow>.<destination>}) and its hold queue
 * ({@code werkbridge.<flow>.<destination>.hold}), an inbound queue for canonical messages from any producer
 * ({@code werkbridge.<flow>.inbound}) and a dead-letter queue ({@code werkbridge.<flow>.dlq}).
 */
@ConfigurationProperties("werkbridge")
public record FlowProperties(Map<String, Flow> flows) {

    private static final String PREFIX = "werkbridge.";
    private static final String FQQN_SEPARATOR = "::";

    public FlowProperties {
        flows = flows == null ? Map.of() : Map.copyOf(flows);
    }

    /**
     * @param destinations each destination of the flow, in the declared order, with the endpoint that sends to it:
     *                     an HTTP(S) URL or a {@code direct:} route of the destination's connector
     * @param select       the messages a destination takes ({@link FlowSelection}); a destination not named takes all
     */
    public record Flow(Map<String, String> destinations, Map<String, String> select) {
        public Flow {
            destinations = destinations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
            select = select == null ? Map.of() : Map.copyOf(select);
            for (Map.Entry<String, String> entry : select.entrySet()) {
                if (!destinations.containsKey(entry.getKey())) {
                    throw new IllegalArgumentException("select: '" + entry.getKey() + "' is not a destination of the flow");
                }
                try {
                    FlowSelection.parse(entry.getValue());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("select." + entry.getKey() + ": " + e.getMessage(), e);
                }
            }
        }

        public Set<String> destinationNames() {
            return destinations.keySet();
        }

        /** The selection of a destination, {@code *} when the flow gives none. */
        public String selectionOf(String destination) {
            return select.getOrDefault(destination, FlowSelection.ALL);
        }
    }

    public static String address(String flow) {
        return PREFIX + flow;
    }

    public static String queue(String flow, String destination) {
        return address(flow) + "." + destination;
    }

    public static String holdQueue(String flow, String destination) {
        return queue(flow, destination) + ".hold";
    }

    public static String inbound(String flow) {
        return address(flow) + ".inbound";
    }

    public static String deadLetter(String flow) {
        return address(flow) + ".dlq";
    }

    /**
     * The flow queue a JMS destination name denotes: a destination queue (plain or fully qualified
     * {@code werkbridge.<flow>::werkbridge.<flow>.<destination>}) or the inbound queue of a declared flow.
     */
    public Optional<FlowQueue> queueOf(String flow, String destinationName) {
        Flow definition = flow == null ? null : flows.get(flow);
        if (definition == null || destinationName == null) {
            return Optional.empty();
        }
        int separator = destinationName.indexOf(FQQN_SEPARATOR);
        String queue = separator < 0 ? destinationName : destinationName.substring(separator + FQQN_SEPARATOR.length());
        String prefix = address(flow) + ".";
        if (!queue.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = queue.substring(prefix.length());
        if (definition.destinations().containsKey(name)) {
            return Optional.of(new FlowQueue(flow, name, FlowQueue.Kind.DESTINATION));
        }
        if (queue.equals(inbound(flow))) {
            return Optional.of(new FlowQueue(flow, name, FlowQueue.Kind.INBOUND));
        }
        return Optional.empty();
    }

    /** {@link #queueOf(String, String)} for a queue name alone; the flow is the longest declared prefix. */
    public Optional<FlowQueue> queueOf(String queueName) {
        return flows.keySet().stream()
                .filter(flow -> queueName != null && queueName.startsWith(address(flow) + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .flatMap(flow -> queueOf(flow, queueName));
    }
}
