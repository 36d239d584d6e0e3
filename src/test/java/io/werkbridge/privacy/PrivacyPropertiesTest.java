package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrivacyPropertiesTest {

    @EnableConfigurationProperties(PrivacyProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void withoutAHashKeyTheKeyIsEmptySoTheHubGeneratesOne() {
        context.withPropertyValues("werkbridge.privacy.policy-location=classpath:config/privacy/")
                .run(c -> assertThat(c.getBean(PrivacyProperties.class).hashKey()).isEmpty());
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("WERKBRIDGE_HASH_KEY=", "WERKBRIDGE_POLICY_LOCATION=file:/etc/werkbridge/privacy/")
                .run(c -> assertThat(c.getBean(PrivacyProperties.class))
                        .isEqualTo(new PrivacyProperties("file:/etc/werkbridge/privacy/", "", "", Duration.ofDays(90))));
    }

    @Test
    void aPolicyLocationThatIsNotSetIsRejectedAtStartup() {
        context.run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.privacy").contains("policyLocation")
                .contains("must not be blank"));
    }

    @Test
    void theKeyIsNeverPrinted() {
        context.withPropertyValues("werkbridge.privacy.policy-location=classpath:config/privacy/",
                        "werkbridge.privacy.hash-key=do-not-print-0123456789abcdef0123456789")
                .run(c -> assertThat(c.getBean(PrivacyProperties.class).toString()).doesNotContain("do-not-print").contains("(set)"));
    }
}
