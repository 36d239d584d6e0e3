package io.werkbridge.console;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param sampleInterval how often the console's time series reads the hub's meters
 * @param window         how far back the charts reach; {@code window / sampleInterval} samples are kept, no more
 */
@Validated
@ConfigurationProperties("werkbridge.console")
public record ConsoleProperties(Duration sampleInterval, Duration window) {

    public ConsoleProperties {
        sampleInterval = sampleInterval == null ? Duration.ofSeconds(10) : sampleInterval;
        window = window == null ? Duration.ofHours(1) : window;
    }

    @AssertTrue(message = "werkbridge.console.sample-interval must be at least 1s and window at most 1440 samples of it")
    public boolean isBounded() {
        return sampleInterval.compareTo(Duration.ofSeconds(1)) >= 0 && window.compareTo(sampleInterval) >= 0
                && window.toMillis() / sampleInterval.toMillis() <= 1440;
    }
}
