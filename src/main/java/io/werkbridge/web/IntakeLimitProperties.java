package io.werkbridge.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxConcurrent requests of the partners' intake (SOAP services, shop, portal and ERP APIs) worked on at once
 * @param maxWait       how long a request beyond that waits for its turn before it is answered 503
 */
@ConfigurationProperties("werkbridge.intake")
public record IntakeLimitProperties(Integer maxConcurrent, Duration maxWait) {

    public IntakeLimitProperties {
        maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
        maxWait = maxWait == null ? Duration.ofSeconds(30) : maxWait;
    }
}
