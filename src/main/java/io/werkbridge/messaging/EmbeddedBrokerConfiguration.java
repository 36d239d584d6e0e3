package io.werkbridge.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    ArtemisConfigurationCustomizer werkbridgeBroker(FlowProperties flows, BrokerProperties broker) {
        String acceptor = "tcp://" + broker.host() + ":" + broker.port();
        return config -> {
            try {
                if (broker.tcpEnabled()) {
                    config.addAcceptorConfiguration("tcp", acceptor);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the broker's TCP acceptor " + acceptor, e);
            }
            config.setJMXManagementEnabled(false);
            config.setGlobalMaxSize(broker.globalMaxSize().toBytes());
            BrokerTopology.addressSettings(flows).forEach(config::addAddressSetting);
            BrokerTopology.addresses(flows).forEach(config::addAddressConfiguration);
        };
    }
}
