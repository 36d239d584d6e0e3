package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class RequestLimitPropertiesTest {

    @EnableConfigurationProperties(RequestLimitProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToTheShippedLimits() {
        RequestLimitProperties shipped = new RequestLimitProperties(DataSize.ofKilobytes(512), DataSize.ofMegabytes(2), DataSize.ofMegabytes(10), 50.0, 100);
        context.run(c -> assertThat(c.getBean(RequestLimitProperties.class)).isEqualTo(shipped));
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .run(c -> assertThat(c.getBean(RequestLimitProperties.class)).isEqualTo(shipped));
    }

    /** Zero used to be replaced by the default without a word; now it stops the start. */
    @Test
    void limitsThatAreNotPositiveAreRejectedAtStartup() {
        context.withPropertyValues("werkbridge.security.limits.requests-per-second=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.security.limits.requests-per-second").contains("must be greater than 0"));
        context.withPropertyValues("werkbridge.security.limits.burst=0")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.security.limits.burst"));
        context.withPropertyValues("werkbridge.security.limits.max-body=0KB")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.security.limits.max-body").contains("must be greater than 0 bytes"));
    }
}
