package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IntakeLimitPropertiesTest {

    @EnableConfigurationProperties(IntakeLimitProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToEightRequestsAndThirtySecondsAsInTheShippedConfiguration() {
        context.run(c -> assertThat(c.getBean(IntakeLimitProperties.class))
                .isEqualTo(new IntakeLimitProperties(8, Duration.ofSeconds(30))));
        context.withInitializer(new ConfigDataApplicationContextInitializer()).run(c -> assertThat(c.getBean(IntakeLimitProperties.class))
                .isEqualTo(new IntakeLimitProperties(8, Duration.ofSeconds(30))));
    }

    @Test
    void aBoundBelowOneIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.intake.max-concurrent=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.intake.max-concurrent").contains("must be greater than or equal to 1"));
    }

    @Test
    void aNegativeWaitIsRejectedAtStartupAndZeroIsAccepted() {
        context.withPropertyValues("werkbridge.intake.max-wait=-1s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.intake.max-wait"));
        context.withPropertyValues("werkbridge.intake.max-wait=0")
                .run(c -> assertThat(c.getBean(IntakeLimitProperties.class).maxWait()).isZero());
    }
}
