package io.werkbridge.connector.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShopPropertiesTest {

    @EnableConfigurationProperties(ShopProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToTheWebhookAndFifteenSeconds() {
        context.run(c -> {
            ShopProperties shop = c.getBean(ShopProperties.class);
            assertThat(shop.api()).isEqualTo(ShopProperties.Api.WEBHOOK);
            assertThat(shop.timeout()).isEqualTo(Duration.ofSeconds(15));
        });
    }

    @Test
    void aTimeoutOfZeroIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.destinations.shop.timeout=0s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.destinations.shop.timeout"));
    }

    /** A constraint's message prints the rejected value: the secret has none, and a bad timeout does not print it. */
    @Test
    void aRejectedSettingDoesNotPrintTheClientSecret() {
        context.withPropertyValues("werkbridge.destinations.shop.timeout=-1s", "werkbridge.destinations.shop.client-secret=s3cr3t-value")
                .run(c -> assertThat(BindingFailures.message(c)).doesNotContain("s3cr3t-value"));
    }
}
