package io.werkbridge.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody          largest request body the API accepts (413 above it)
 * @param requestsPerSecond sustained requests per client per second (429 above it)
 * @param burst            requests a client may send at once before the rate applies
 */
@ConfigurationProperties("werkbridge.security.limits")
public record RequestLimitProperties(DataSize maxBody, double requestsPerSecond, int burst) {

    public RequestLimitProperties {
        maxBody = maxBody == null ? DataSize.ofKilobytes(512) : maxBody;
        requestsPerSecond = requestsPerSecond <= 0 ? 50 : requestsPerSecond;
        burst = burst <= 0 ? 100 : burst;
    }
}
