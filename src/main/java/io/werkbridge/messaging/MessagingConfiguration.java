package io.werkbridge.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.gate.ValueOperators;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Beans the routes use between connectors and queues. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MessagingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingConfiguration.class);

    /**
     * Artemis' JMS sessions remember the destinations they resolved. Without that, every send (Camel resolves its
     * destination by name per message) asked the broker whether the address exists: a blocking round trip per
     * published, held or dead-lettered message.
     */
    @Bean
    static BeanPostProcessor artemisDestinationCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SingleConnectionFactory caching
                        && caching.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                } else if (bean instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                }
                return bean;
            }
        };
    }

    @Bean
    CanonicalValidator canonicalValidator() {
        return new CanonicalValidator();
    }

    @Bean
    ParkingDecisions parkingDecisions(JdbcTemplate jdbc) {
        return new ParkingDecisions(jdbc, java.time.Clock.systemUTC());
    }

    @Bean
    DeliveryLedger deliveryLedger(JdbcTemplate jdbc) {
        return new DeliveryLedger(jdbc);
    }

    @Bean
    IdempotentDelivery idempotentDelivery(FlowRoutes routes, DeliveryLedger ledger, FlowMetrics metrics, DeliveryRecords records) {
        return new IdempotentDelivery(routes, ledger, metrics, records, Clock.systemUTC());
    }

    /** The first step of the routes that consume a flow queue: the JMS message continues as a plain one. */
    @Bean("plainMessage")
    Processor plainMessage() {
        return new PlainMessage();
    }

    /** The first step of every destination route: a message that reached the destination before is not sent again. */
    @Bean("skipIfDelivered")
    Processor skipIfDelivered(IdempotentDelivery delivery) {
        return delivery::skipIfDelivered;
    }

    /** The last step of every destination route: the ledger and the disclosure record, in one transaction. */
    @Bean("recordDelivery")
    Processor recordDelivery(IdempotentDelivery delivery) {
        return delivery::record;
    }

    @Bean(destroyMethod = "close")
    DeliveryRecords deliveryRecords(DeliveryLedger ledger, DisclosureLog disclosures, DataSource dataSource, MeterRegistry meters,
                                    DeliveryProperties delivery) {
        DistributionSummary batches = DistributionSummary.builder("werkbridge.delivery.records.batch")
                .description("deliveries whose ledger and disclosure records one database commit carried")
                .register(meters);
        return new DeliveryRecords(ledger, disclosures, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Duration.ofSeconds(30), delivery.recordsLinger(), batches);
    }

    /** The embedded H2 file forced to disk every second (see {@link H2FileSync}); 0 turns it off. */
    @Bean(destroyMethod = "close")
    @Conditional(H2FileSync.Enabled.class)
    H2FileSync h2FileSync(JdbcTemplate jdbc,
                          DatabaseProperties database) {
        return new H2FileSync(jdbc, database.h2SyncInterval());
    }

    @Bean("flowPublishing")
    FlowPublishing flowPublishing(FlowMetrics metrics, ValueOperators operators) {
        return new FlowPublishing(metrics, operators::hash);
    }

    @Bean
    BrokerManagement brokerManagement(ConnectionFactory connectionFactory,
                                      BrokerProperties broker) {
        return new BrokerManagement(connectionFactory, broker.managementAddress());
    }

    @Bean
    QueueDepthMetrics queueDepthMetrics(FlowProperties flows, BrokerManagement management) {
        return new QueueDepthMetrics(flows, new QueueDepths(management, Duration.ofSeconds(5), Clock.systemUTC()));
    }

    /** The route policy and error handling steps that wait for an unavailable destination (routes refer to it by name). */
    @Bean("destinationWaiting")
    DestinationWaiting destinationWaiting(FlowProperties flows, WaitingProperties waiting, BrokerManagement management) {
        return new DestinationWaiting(flows, waiting, new QueueDepths(management, Duration.ofSeconds(5), Clock.systemUTC()),
                Clock.systemUTC());
    }

    @Bean
    DestinationStateMetrics destinationStateMetrics(DestinationWaiting waiting) {
        return new DestinationStateMetrics(waiting);
    }

    /** External broker: the flow queues exist before any route starts (checked, created where missing). */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "native")
    ExternalBrokerTopology.Declared externalBrokerTopology(FlowProperties flows, BrokerManagement management) {
        return ExternalBrokerTopology.declare(flows, management);
    }

    @Bean
    LedgerRetention ledgerRetention(DeliveryLedger ledger,
                                    DeliveryProperties delivery) {
        return new LedgerRetention(ledger, delivery.idempotencyRetention());
    }

    /** Forgets deliveries older than the retention, hourly: a redelivery or replay later than that is sent again. */
    static final class LedgerRetention {
        private final DeliveryLedger ledger;
        private final Duration retention;

        LedgerRetention(DeliveryLedger ledger, Duration retention) {
            this.ledger = ledger;
            this.retention = retention;
        }

        @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
        void purge() {
            int purged = ledger.purgeBefore(java.time.Instant.now().minus(retention));
            if (purged > 0) {
                LOG.info("idempotency ledger: {} deliveries older than {} forgotten", purged, retention);
            }
        }
    }
}
