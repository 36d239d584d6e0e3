package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ErpClientPropertiesTest {

    @EnableConfigurationProperties(ErpClientProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToTheShippedAddressTimeoutsAndBreaker() {
        context.run(c -> {
            ErpClientProperties erp = c.getBean(ErpClientProperties.class);
            assertThat(erp.url()).isEqualTo("http://localhost:8083/erp/services");
            assertThat(erp.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(erp.receiveTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(erp.circuitBreaker()).isEqualTo(new ErpClientProperties.Breaker(20, 10, 50f, Duration.ofSeconds(30), 2));
        });
    }

    @Test
    void aBreakerSetInPartKeepsTheDefaultsOfTheRest() {
        context.withPropertyValues("werkbridge.destinations.erp.circuit-breaker.sliding-window=6")
                .run(c -> assertThat(c.getBean(ErpClientProperties.class).circuitBreaker())
                        .isEqualTo(new ErpClientProperties.Breaker(6, 10, 50f, Duration.ofSeconds(30), 2)));
    }

    /**
     * Zero used to be replaced by the default without a word; now it stops the start. A nested record's setting is
     * named by the record's prefix and the field path (Spring Boot gives no origin for it).
     */
    @Test
    void breakerSettingsOutOfRangeAreRejectedAtStartup() {
        context.withPropertyValues("werkbridge.destinations.erp.circuit-breaker.sliding-window=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.destinations.erp").contains("circuitBreaker.slidingWindow")
                        .contains("must be greater than or equal to 1"));
        context.withPropertyValues("werkbridge.destinations.erp.circuit-breaker.failure-rate=150")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.destinations.erp").contains("circuitBreaker.failureRate")
                        .contains("must be less than or equal to 100"));
    }

    @Test
    void aTimeoutOfZeroIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.destinations.erp.receive-timeout=0s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.destinations.erp.receive-timeout"));
    }
}
