package io.werkbridge.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MachinePropertiesTest {

    @EnableConfigurationProperties(MachineProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theShippedConfigurationNamesTheSampleFilesAndTheDemoItsOwn() {
        ApplicationContextRunner shipped = context.withInitializer(new ConfigDataApplicationContextInitializer());
        shipped.withPropertyValues("WERKBRIDGE_MACHINES_LOCATION=classpath:connectors/machines/")
                .run(c -> assertThat(c.getBean(MachineProperties.class).location()).isEqualTo("classpath:connectors/machines/"));
        shipped.withPropertyValues("spring.profiles.active=demo")
                .run(c -> assertThat(c.getBean(MachineProperties.class).location()).isEqualTo("classpath:connectors/machines/demo/"));
    }

    @Test
    void aLocationThatIsNotSetIsRejectedAtStartup() {
        context.run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.machines").contains("location")
                .contains("must not be blank"));
    }
}
