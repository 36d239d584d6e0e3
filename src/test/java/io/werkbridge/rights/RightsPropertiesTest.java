package io.werkbridge.rights;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RightsPropertiesTest {

    @EnableConfigurationProperties(RightsProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToAMonthAndTheRetryBackOff() {
        context.run(c -> assertThat(c.getBean(RightsProperties.class))
                .isEqualTo(new RightsProperties(Period.ofMonths(1), Duration.ofSeconds(5), Duration.ofHours(1), Map.of())));
    }

    @Test
    void aRetryDelayOfZeroIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.rights.retry-delay=0s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.rights.retry-delay"));
    }

    @Test
    void aSystemWithoutAnAddressIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.rights.systems.crm.username=werkbridge")
                .run(c -> assertThat(BindingFailures.message(c)).contains("systems[crm].url").contains("must not be blank"));
    }
}
