package io.werkbridge.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * One destination of one flow as operators see it: delivering, waiting (unavailable since {@code since}, next probe at
 * {@code nextProbe}) or breaker-open (waiting, and a connector's circuit breaker refused the last call).
 *
 * @param reason       the kind of the last failure while waiting (no answer text, no values); null when delivering
 * @param failedProbes probes that found the destination still unavailable
 * @param backlog      messages on the destination queue (in delivery included); -1 when the broker did not say
 * @param alert        waiting longer than {@code maximumWait}: the alert is raised (nothing is dropped)
 */
public record DestinationState(String flow, String destination, String state, Instant since, String reason,
                               Instant nextProbe, int failedProbes, long backlog, boolean alert, Duration maximumWait) {

    public static final String DELIVERING = "delivering";
    public static final String WAITING = "waiting";
    public static final String BREAKER_OPEN = "breaker-open";

    public boolean isWaiting() {
        return !DELIVERING.equals(state);
    }
}
