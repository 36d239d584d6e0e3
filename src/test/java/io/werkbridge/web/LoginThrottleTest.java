package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Counter failed = Counter.builder("failed").register(new SimpleMeterRegistry());
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5), failed, now::get);

    @Test
    void aNameIsThrottledAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("erp", "10.0.0.1")).isEmpty();
            throttle.failed("erp", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("erp", "10.0.0.2")).hasValue(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("shop", "10.0.0.2")).isEmpty();

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(throttle.retryAfter("erp", "10.0.0.2")).hasValue(Duration.ofMinutes(3));
        now.addAndGet(Duration.ofMinutes(3).toNanos());
        assertThat(throttle.retryAfter("erp", "10.0.0.2")).isEmpty();
        assertThat(failed.count()).isEqualTo(3);
    }

    @Test
    void anAddressIsThrottledWhateverNamesItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess-" + i, "10.0.0.9");
        }
        assertThat(throttle.retryAfter("another-guess", "10.0.0.9")).isPresent();
        assertThat(throttle.retryAfter(null, "10.0.0.9")).isPresent();
        assertThat(throttle.retryAfter("another-guess", "10.0.0.10")).isEmpty();
    }

    @Test
    void theStoreIsBoundedAndHugeNamesAreCut() {
        String huge = "x".repeat(10_000);
        throttle.failed(huge, "10.0.0.1");
        throttle.failed(huge + "-other", "10.0.0.1");
        throttle.failed(huge + "-third", "10.0.0.1");
        // cut to the same key: three failures of one name, so the third variant is throttled too
        assertThat(throttle.retryAfter(huge + "-fourth", "10.0.0.3")).isPresent();
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 1000; i++) {
            throttle.failed(null, "address-" + i);
        }
        assertThat(throttle.entries()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
    }
}
