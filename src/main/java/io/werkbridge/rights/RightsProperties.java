package io.werkbridge.rights;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param duePeriod     how long a system may take: a request is due one month after receipt (Art. 12(3))
 * @param retryDelay    first retry delay of a failing system; doubles per attempt up to {@code maxRetryDelay}
 * @param systems       the systems requests are carried to, each with its privacy endpoint
 */
@ConfigurationProperties("werkbridge.rights")
public record RightsProperties(Period duePeriod, Duration retryDelay, Duration maxRetryDelay, Map<String, Endpoint> systems) {

    public RightsProperties {
        duePeriod = duePeriod == null ? Period.ofMonths(1) : duePeriod;
        retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    public record Endpoint(String url, String username, String password) {
    }
}
