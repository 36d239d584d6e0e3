package io.werkbridge.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Shapes the embedded Artemis broker: a TCP acceptor beside the in-VM one, and the flow topology declared up front
 * (so a message published before a consumer first connects is kept for every destination), with the same address
 * settings an external broker gets from docker/broker.xml (see {@link BrokerTopology}).
 *
 * <p>The messages the broker keeps in memory are bounded by {@code werkbridge.broker.global-max-size} (64 MB):
 * beyond that, an address pages its messages to disk. Artemis' own default is half the heap, which lets a backlog
 * (a destination that is down, intake faster than delivery) fill the hub's heap and keep its garbage collector busy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer werkbridgeBroker(FlowProperties flows,
                                                    @Value("${werkbridge.broker.tcp-enabled:true}") boolean tcpEnabled,
                                                    @Value("${werkbridge.broker.host:127.0.0.1}") String host,
                                                    @Value("${werkbridge.broker.port:61616}") int port,
                                                    @Value("${werkbridge.broker.global-max-size:64MB}") DataSize globalMaxSize) {
        if (globalMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("werkbridge.broker.global-max-size must be positive, was " + globalMaxSize);
        }
        return config -> {
            try {
                if (tcpEnabled) {
                    config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the broker's TCP acceptor on " + host + ":" + port, e);
            }
            config.setJMXManagementEnabled(false);
            config.setGlobalMaxSize(globalMaxSize.toBytes());
            BrokerTopology.addressSettings(flows).forEach(config::addAddressSetting);
            BrokerTopology.addresses(flows).forEach(config::addAddressConfiguration);
        };
    }
}
