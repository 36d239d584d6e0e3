package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DatabasePropertiesTest {

    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theSyncIntervalDefaultsToOneSecondInTheRecordAndTheShippedConfiguration() {
        context.run(c -> assertThat(c.getBean(DatabaseProperties.class).h2SyncInterval()).isEqualTo(Duration.ofSeconds(1)));
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .run(c -> assertThat(c.getBean(DatabaseProperties.class).h2SyncInterval()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void zeroTurnsTheSyncOffAndIsAccepted() {
        context.withPropertyValues("werkbridge.database.h2-sync-interval=0")
                .run(c -> assertThat(c.getBean(DatabaseProperties.class).h2SyncInterval()).isZero());
    }

    @Test
    void aNegativeIntervalStopsTheStart() {
        context.withPropertyValues("werkbridge.database.h2-sync-interval=-1s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.database.h2-sync-interval"));
    }
}
