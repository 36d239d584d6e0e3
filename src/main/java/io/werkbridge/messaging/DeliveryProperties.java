package io.werkbridge.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the flows deliver to their destinations ({@code werkbridge.delivery.*}).
 *
 * <p>The routes ({@code routes/*.camel.yaml}) read the consumer counts and the redelivery settings themselves, as
 * {@code {{werkbridge.delivery.…}}} placeholders from the environment, not from this record: so they have no
 * default here (config/application.yml has them, and a route would not see a default written here) and must be set.
 * This record checks them at start-up, so a wrong value stops the hub with the property's name instead of making
 * a route misbehave.
 *
 * @param concurrentConsumers    consumers per destination queue at all times
 * @param maxConcurrentConsumers consumers per destination queue while a backlog waits
 * @param inboundConsumers       consumers per inbound queue (werkbridge.&lt;flow&gt;.inbound), each publishing one message
 *                               at a time and waiting for its commits
 * @param maximumRedeliveries    redeliveries of a failed delivery before it is dead-lettered (Camel's -1, for
 *                               ever, would block a message group behind one bad message: not allowed)
 * @param redeliveryDelay        first redelivery delay in milliseconds; doubles per attempt
 * @param maximumRedeliveryDelay longest redelivery delay in milliseconds
 * @param recordsLinger          how long the delivery records' writer gathers records for one commit (at most 1 s:
 *                               every delivery waits up to this long for its records)
 * @param idempotencyRetention   how long a delivery is remembered; a redelivery or replay later than that is sent again
 */
@Validated
@ConfigurationProperties("werkbridge.delivery")
public record DeliveryProperties(@NotNull @Min(1) Integer concurrentConsumers,
                                 @NotNull @Min(1) Integer maxConcurrentConsumers,
                                 @NotNull @Min(1) Integer inboundConsumers,
                                 @NotNull @PositiveOrZero Integer maximumRedeliveries,
                                 @NotNull @PositiveOrZero Long redeliveryDelay,
                                 @NotNull @Positive Long maximumRedeliveryDelay,
                                 @DurationMin(nanos = 0) @DurationMax(seconds = 1) Duration recordsLinger,
                                 @DurationMin(nanos = 0, inclusive = false) Duration idempotencyRetention) {

    public DeliveryProperties {
        recordsLinger = recordsLinger == null ? Duration.ofMillis(2) : recordsLinger;
        idempotencyRetention = idempotencyRetention == null ? Duration.ofDays(30) : idempotencyRetention;
    }
}
