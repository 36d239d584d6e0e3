package io.werkbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoPropertiesTest {

    /** Registered the way the hub registers it. */
    @ConfigurationPropertiesScan(basePackageClasses = DemoProperties.class)
    static class Scan {
    }

    private final ApplicationContextRunner shipped = new ApplicationContextRunner().withUserConfiguration(Scan.class)
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void theDemoProfileBindsItsSimulatorsSettings() {
        shipped.withPropertyValues("spring.profiles.active=demo", "WERKBRIDGE_DEMO_OPCUA_PORT=48401", "java.io.tmpdir=/tmp")
                .run(c -> assertThat(c.getBean(DemoProperties.class))
                        .isEqualTo(new DemoProperties(48401, "/tmp/werkbridge-demo/serial-hub", "erp-demo")));
    }

    /** Outside the demo there are no demo settings, and nothing requires them. */
    @Test
    void withoutTheDemoProfileNothingIsBound() {
        shipped.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(DemoProperties.class));
    }

    @Test
    void aPortOutsideTheTcpRangeIsRejectedAtStartup() {
        shipped.withPropertyValues("spring.profiles.active=demo", "werkbridge.demo.opcua-port=0")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.demo.opcua-port")
                        .contains("must be greater than or equal to 1"));
    }
}
