package io.werkbridge.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The broker objects the flows need, derived from {@link FlowProperties}: per flow a multicast address with one
 * durable queue per destination, a durable hold queue per destination, the inbound and the dead-letter queue; and
 * address settings that send a message the broker gave up on (after {@value #MAX_DELIVERY_ATTEMPTS} rolled-back
 * deliveries) to the flow's dead-letter queue instead of dropping it. docker/broker.xml spells out the same for an
 * external broker.
 */
public final class BrokerTopology {

    static final int MAX_DELIVERY_ATTEMPTS = 10;

    private BrokerTopology() {
    }

    public static List<CoreAddressConfiguration> addresses(FlowProperties flows) {
        List<CoreAddressConfiguration> out = new ArrayList<>();
        flows.flows().forEach((flow, definition) -> {
            CoreAddressConfiguration topic = new CoreAddressConfiguration()
                    .setName(FlowProperties.address(flow))
                    .addRoutingType(RoutingType.MULTICAST);
            definition.destinationNames().forEach(destination -> topic.addQueueConfiguration(
                    QueueConfiguration.of(FlowProperties.queue(flow, destination))
                            .setAddress(FlowProperties.address(flow))
                            .setRoutingType(RoutingType.MULTICAST)
                            .setDurable(true)));
            out.add(topic);
            out.add(anycast(FlowProperties.inbound(flow)));
            out.add(anycast(FlowProperties.deadLetter(flow)));
            definition.destinationNames().forEach(destination -> out.add(anycast(FlowProperties.holdQueue(flow, destination))));
        });
        return out;
    }

    /**
     * Address match -> settings; the more specific match wins ({@code werkbridge.<flow>.#} also matches the flow's
     * address itself, the exact dead-letter name beats it).
     */
    public static Map<String, AddressSettings> addressSettings(FlowProperties flows) {
        Map<String, AddressSettings> out = new LinkedHashMap<>();
        out.put("werkbridge.#", redelivery(new AddressSettings()));
        flows.flows().keySet().forEach(flow -> {
            out.put(FlowProperties.address(flow) + ".#", redelivery(new AddressSettings())
                    .setDeadLetterAddress(SimpleString.of(FlowProperties.deadLetter(flow))));
            // a dead letter is never given up on: it stays until an operator replays or discards it
            out.put(FlowProperties.deadLetter(flow), new AddressSettings().setMaxDeliveryAttempts(-1));
        });
        return out;
    }

    private static AddressSettings redelivery(AddressSettings settings) {
        return settings.setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000);
    }

    private static CoreAddressConfiguration anycast(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
