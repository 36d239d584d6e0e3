package io.werkbridge.rights;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param duePeriod     how long a system may take: a request is due one month after receipt (Art. 12(3))
 * @param retryDelay    first retry delay of a failing system; doubles per attempt up to {@code maxRetryDelay}
 * @param systems       the systems requests are carried to, each with its privacy endpoint
 */
@Validated
@ConfigurationProperties("werkbridge.rights")
public record RightsProperties(Period duePeriod, @DurationMin(nanos = 0, inclusive = false) Duration retryDelay,
                               @DurationMin(nanos = 0, inclusive = false) Duration maxRetryDelay,
                               Map<String, @Valid Endpoint> systems) {

    public RightsProperties {
        duePeriod = duePeriod == null ? Period.ofMonths(1) : duePeriod;
        retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    public record Endpoint(@NotBlank String url, String username, String password) {
    }
}
