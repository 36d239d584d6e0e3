package io.werkbridge.web;

import io.werkbridge.config.PositiveDataSize;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBody          largest request body the API accepts (413 above it)
 * @param requestsPerSecond sustained requests per client per second (429 above it)
 * @param burst            requests a client may send at once before the rate applies
 */
@Validated
@ConfigurationProperties("werkbridge.security.limits")
public record RequestLimitProperties(@PositiveDataSize DataSize maxBody, @Positive Double requestsPerSecond,
                                     @Min(1) Integer burst) {

    public RequestLimitProperties {
        maxBody = maxBody == null ? DataSize.ofKilobytes(512) : maxBody;
        requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
        burst = burst == null ? 100 : burst;
    }
}
