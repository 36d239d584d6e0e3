package io.werkbridge.web;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxConcurrent requests of the partners' intake (SOAP services, shop, portal and ERP APIs) worked on at once
 * @param maxWait       how long a request beyond that waits for its turn before it is answered 503 (0: not at all)
 */
@Validated
@ConfigurationProperties("werkbridge.intake")
public record IntakeLimitProperties(@Min(1) Integer maxConcurrent, @DurationMin(nanos = 0) Duration maxWait) {

    public IntakeLimitProperties {
        maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
        maxWait = maxWait == null ? Duration.ofSeconds(30) : maxWait;
    }
}
