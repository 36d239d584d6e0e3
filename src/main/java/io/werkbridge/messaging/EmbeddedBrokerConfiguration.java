package io.werkbridge.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the embedded Artemis broker: a TCP acceptor beside the in-VM one, and the flow topology declared up front
 * (so a message published before a consumer first connects is kept for every destination), with the same address
 * settings an external broker gets from docker/broker.xml (see {@link BrokerTopology}).
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
            BrokerTopology.addressSettings(flows).forEach(config::addAddressSetting);
            BrokerTopology.addresses(flows).forEach(config::addAddressConfiguration);
        };
    }
}
