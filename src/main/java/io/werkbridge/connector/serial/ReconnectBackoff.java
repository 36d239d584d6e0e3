package io.werkbridge.connector.serial;

import java.time.Duration;

/** Exponential back-off between open attempts: the initial delay, doubled after each failure, capped. */
final class ReconnectBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    ReconnectBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("serial options need 1 <= reconnectDelay <= maxReconnectDelay (ms), were "
                    + initialMillis + " and " + maxMillis);
        }
        this.nextMillis = initialMillis;
    }

    /** The delay to wait now; the one after it is twice as long, up to the maximum. */
    long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, delay * 2);
        return delay;
    }

    /** After a successful open: start again from the initial delay. */
    void reset() {
        nextMillis = initialMillis;
    }
}
