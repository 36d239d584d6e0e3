package io.werkbridge.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub waits for a destination that is unavailable ({@link DeliveryFailures}): the defaults
 * {@code werkbridge.delivery.waiting.*}, and per destination {@code werkbridge.destinations.<destination>.waiting.*},
 * each setting given there replacing the default. Only the {@code waiting} blocks are read here.
 */
@Validated
@ConfigurationProperties("werkbridge")
public record WaitingProperties(@Valid Delivery delivery, Map<String, @Valid Destination> destinations) {

    public WaitingProperties {
        delivery = delivery == null ? new Delivery(null) : delivery;
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    public record Delivery(@Valid Waiting waiting) {
        public Delivery {
            waiting = Waiting.DEFAULT.with(waiting);
        }
    }

    public record Destination(@Valid Waiting waiting) {
    }

    /**
     * @param firstProbe           the wait before the first probe after the destination became unavailable
     * @param multiplier           each failed probe multiplies the wait by this
     * @param maximumProbeInterval the longest wait between two probes
     * @param maximumWait          waiting longer than this raises the alert (log, metric, health); nothing is dropped
     */
    public record Waiting(@DurationMin(millis = 1) Duration firstProbe,
                          @DecimalMin("1.0") @DecimalMax("10.0") Double multiplier,
                          @DurationMin(millis = 1) Duration maximumProbeInterval,
                          @DurationMin(seconds = 1) Duration maximumWait) {

        static final Waiting DEFAULT = new Waiting(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), Duration.ofHours(2));

        /** These settings with each one {@code override} gives replacing it. */
        Waiting with(Waiting override) {
            if (override == null) {
                return this;
            }
            return new Waiting(override.firstProbe != null ? override.firstProbe : firstProbe,
                    override.multiplier != null ? override.multiplier : multiplier,
                    override.maximumProbeInterval != null ? override.maximumProbeInterval : maximumProbeInterval,
                    override.maximumWait != null ? override.maximumWait : maximumWait);
        }

        @AssertTrue(message = "maximum-probe-interval must not be shorter than first-probe")
        public boolean isOrdered() {
            return firstProbe == null || maximumProbeInterval == null || maximumProbeInterval.compareTo(firstProbe) >= 0;
        }

        /** The wait before probe number {@code failedProbes + 1}: exponential, capped. */
        Duration probeDelay(int failedProbes) {
            double millis = firstProbe.toMillis() * Math.pow(multiplier, Math.min(failedProbes, 64));
            long capped = (long) Math.min(millis, maximumProbeInterval.toMillis());
            return Duration.ofMillis(Math.max(1, capped));
        }
    }

    /** The waiting settings of one destination: its own where given, the defaults otherwise. */
    public Waiting of(String destination) {
        Destination own = destinations.get(destination);
        Waiting merged = delivery.waiting().with(own == null ? null : own.waiting());
        if (!merged.isOrdered()) {
            throw new IllegalStateException("werkbridge.destinations." + destination
                    + ".waiting: maximum-probe-interval must not be shorter than first-probe");
        }
        return merged;
    }
}
