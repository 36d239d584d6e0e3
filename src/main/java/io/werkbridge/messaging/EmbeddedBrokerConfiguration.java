package io.werkbridge.messaging;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the embedded Artemis broker: a TCP acceptor beside the in-VM one, and the flow topology declared up front
 * (so a message published before a consumer first connects is kept for every destination).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer werkbridgeBroker(FlowProperties flows,
                                                    @Value("${werkbridge.broker.tcp-enabled:true}") boolean tcpEnabled,
                                                    @Value("${werkbridge.broker.host:127.0.0.1}") String host,
                                                    @Value("${werkbridge.broker.port:61616}") int port) {
        return config -> {
            try {
                if (tcpEnabled) {
                    config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the broker's TCP acceptor on " + host + ":" + port, e);
            }
            config.setJMXManagementEnabled(false);
            config.addAddressSetting("werkbridge.#", new AddressSettings()
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setMaxDeliveryAttempts(10)
                    .setRedeliveryDelay(1000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000));
            flows.flows().forEach((flow, definition) -> {
                CoreAddressConfiguration topic = new CoreAddressConfiguration()
                        .setName(FlowProperties.address(flow))
                        .addRoutingType(RoutingType.MULTICAST);
                definition.destinations().forEach(destination -> topic.addQueueConfiguration(
                        QueueConfiguration.of(FlowProperties.queue(flow, destination))
                                .setAddress(FlowProperties.address(flow))
                                .setRoutingType(RoutingType.MULTICAST)
                                .setDurable(true)));
                config.addAddressConfiguration(topic);
                config.addAddressConfiguration(anycast(FlowProperties.inbound(flow)));
                config.addAddressConfiguration(anycast(FlowProperties.deadLetter(flow)));
            });
        };
    }

    private static CoreAddressConfiguration anycast(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
