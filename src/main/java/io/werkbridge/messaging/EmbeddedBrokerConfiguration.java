package io.werkbridge.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * Shapes the embedded Artemis broker: a TCP acceptor beside the in-VM one (optionally TLS), security on
 * ({@link BrokerSecurity}: no anonymous login, roles per address), and the flow topology declared up front (so a
 * message published before a consumer first connects is kept for every destination), with the same address settings
 * an external broker gets from docker/broker.xml (see {@link BrokerTopology}).
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
        return config -> {
            if (broker.tcpEnabled()) {
                config.addAcceptorConfiguration(acceptor(broker));
            }
            config.setJMXManagementEnabled(false);
            BrokerErasure.configure(config);
            config.setGlobalMaxSize(broker.globalMaxSize().toBytes());
            BrokerTopology.addressSettings(flows).forEach(config::addAddressSetting);
            BrokerTopology.addresses(flows).forEach(config::addAddressConfiguration);
        };
    }

    /** Spring Boot turns the embedded broker's security off; it is on here, with the roles of {@link BrokerSecurity}. */
    @Bean
    ArtemisConfigurationCustomizer brokerSecurityRoles() {
        return config -> {
            config.setSecurityEnabled(true);
            BrokerSecurity.roles().forEach(config::putSecurityRoles);
        };
    }

    /** Erasure reaches the messages still on the broker and the journal's files (docs/rights.md). */
    @Bean
    BrokerErasure brokerErasure(EmbeddedActiveMQ broker) {
        return new BrokerErasure(broker.getActiveMQServer());
    }

    @Bean
    BrokerSecurity brokerSecurity(ArtemisProperties artemis, BrokerProperties broker) {
        return BrokerSecurity.of(artemis.getUser(), artemis.getPassword(), broker);
    }

    /**
     * Gives the embedded broker its users, and the hub's in-VM connection factory the hub's login: Spring Boot sets
     * neither (it applies {@code spring.artemis.user}/{@code password} to a native connection only).
     */
    @Bean
    static BeanPostProcessor brokerLogins(ObjectProvider<BrokerSecurity> security) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ server) {
                    server.setSecurityManager(security.getObject().securityManager());
                } else if (bean instanceof SingleConnectionFactory caching
                        && caching.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory artemis) {
                    login(artemis, security.getObject());
                } else if (bean instanceof ActiveMQConnectionFactory artemis) {
                    login(artemis, security.getObject());
                }
                return bean;
            }
        };
    }

    private static void login(ActiveMQConnectionFactory factory, BrokerSecurity security) {
        factory.setUser(security.hubUser());
        factory.setPassword(security.hubPassword());
    }

    /** Parameters rather than a URL: a password with {@code ;} or {@code &} would break the URL. */
    static TransportConfiguration acceptor(BrokerProperties broker) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, broker.host());
        params.put(TransportConstants.PORT_PROP_NAME, broker.port());
        BrokerProperties.Tls tls = broker.tls();
        if (tls.enabled()) {
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStore());
            putIfSet(params, TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
            putIfSet(params, TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.trustStore());
            putIfSet(params, TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
            params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, tls.needClientAuth());
        }
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, "tcp");
    }

    private static void putIfSet(Map<String, Object> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
