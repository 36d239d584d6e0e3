package io.werkbridge.messaging;

import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.privacy.ValueOperators;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Beans the routes use between connectors and queues. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MessagingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    CanonicalValidator canonicalValidator() {
        return new CanonicalValidator();
    }

    @Bean
    DeliveryLedger deliveryLedger(JdbcTemplate jdbc) {
        return new DeliveryLedger(jdbc);
    }

    @Bean("idempotentDelivery")
    IdempotentDelivery idempotentDelivery(FlowRoutes routes, DeliveryLedger ledger, FlowMetrics metrics) {
        return new IdempotentDelivery(routes, ledger, metrics, Clock.systemUTC());
    }

    @Bean("flowPublishing")
    FlowPublishing flowPublishing(FlowProperties flows, FlowMetrics metrics, ValueOperators operators) {
        return new FlowPublishing(flows, metrics, operators::hash);
    }

    @Bean
    QueueDepthMetrics queueDepthMetrics(FlowProperties flows, ConnectionFactory connectionFactory,
                                        @Value("${werkbridge.broker.management-address:activemq.management}") String managementAddress) {
        return new QueueDepthMetrics(flows, new QueueDepths(connectionFactory, managementAddress, Duration.ofSeconds(5),
                Clock.systemUTC()));
    }

    @Bean
    LedgerRetention ledgerRetention(DeliveryLedger ledger,
                                    @Value("${werkbridge.delivery.idempotency-retention:P30D}") Duration retention) {
        return new LedgerRetention(ledger, retention);
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
