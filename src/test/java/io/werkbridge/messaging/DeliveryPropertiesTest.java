package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DeliveryPropertiesTest {

    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Binding {
    }

    /** The settings the routes read and have no default in the record. */
    private static final String[] ROUTE_SETTINGS = {
            "werkbridge.delivery.concurrent-consumers=3", "werkbridge.delivery.max-concurrent-consumers=6",
            "werkbridge.delivery.inbound-consumers=2", "werkbridge.delivery.maximum-redeliveries=4", "werkbridge.delivery.redelivery-delay=250",
            "werkbridge.delivery.maximum-redelivery-delay=8000"};

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theShippedConfigurationBindsTheValuesTheRoutesAndBeansUsed() {
        context.withInitializer(new ConfigDataApplicationContextInitializer()).run(c -> {
            DeliveryProperties delivery = c.getBean(DeliveryProperties.class);
            assertThat(delivery.concurrentConsumers()).isEqualTo(32);
            assertThat(delivery.maxConcurrentConsumers()).isEqualTo(32);
            assertThat(delivery.inboundConsumers()).isEqualTo(8);
            assertThat(delivery.maximumRedeliveries()).isEqualTo(5);
            assertThat(delivery.redeliveryDelay()).isEqualTo(1000L);
            assertThat(delivery.maximumRedeliveryDelay()).isEqualTo(60_000L);
            assertThat(delivery.recordsLinger()).isEqualTo(Duration.ofMillis(2));
            assertThat(delivery.idempotencyRetention()).isEqualTo(Duration.ofDays(30));
        });
    }

    @Test
    void theBeansSettingsDefaultToWhatTheirValueAnnotationsSaid() {
        context.withPropertyValues(ROUTE_SETTINGS).run(c -> {
            DeliveryProperties delivery = c.getBean(DeliveryProperties.class);
            assertThat(delivery.recordsLinger()).isEqualTo(Duration.ofMillis(2));
            assertThat(delivery.idempotencyRetention()).isEqualTo(Duration.ofDays(30));
            assertThat(delivery.concurrentConsumers()).isEqualTo(3);
            assertThat(delivery.maximumRedeliveryDelay()).isEqualTo(8000L);
        });
    }

    @Test
    void zeroInboundConsumersStopTheStart() {
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.delivery.inbound-consumers=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.delivery.inbound-consumers").contains("must be greater than or equal to 1"));
    }

    @Test
    void aNegativeMaximumRedeliveriesStopsTheStart() {
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.delivery.maximum-redeliveries=-1")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.delivery.maximum-redeliveries").contains("must be greater than or equal to 0"));
    }

    @Test
    void zeroConsumersStopTheStart() {
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.delivery.concurrent-consumers=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.delivery.concurrent-consumers").contains("must be greater than or equal to 1"));
    }

    @Test
    void aLingerAboveOneSecondOrARetentionOfZeroStopsTheStart() {
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.delivery.records-linger=2s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.delivery.records-linger"));
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.delivery.idempotency-retention=0s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.delivery.idempotency-retention"));
    }

    @Test
    void aRouteSettingThatIsMissingStopsTheStartNamingIt() {
        context.withPropertyValues("werkbridge.delivery.concurrent-consumers=3", "werkbridge.delivery.max-concurrent-consumers=6",
                        "werkbridge.delivery.inbound-consumers=2", "werkbridge.delivery.maximum-redeliveries=4",
                        "werkbridge.delivery.redelivery-delay=250")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.delivery").contains("maximumRedeliveryDelay").contains("must not be null"));
    }
}
