package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.rights.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordEncoderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final String hash = bcrypt.encode("synthetic-secret");
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilTheTtlPasses() {
        CachingPasswordEncoder cache = new CachingPasswordEncoder(counting, Duration.ofMinutes(5), 10, clock);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.matches("synthetic-secret", hash)).isTrue();
        }
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(cache.matches("synthetic-secret", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreAlwaysCheckedAndNeverRemembered() {
        CachingPasswordEncoder cache = new CachingPasswordEncoder(counting, Duration.ofMinutes(5), 10, clock);
        assertThat(cache.matches("synthetic-secret", hash)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.matches("synthetic-secreT", hash)).isFalse();
        }
        assertThat(checks).hasValue(6);
        // another hash for the same password (the password was changed) is checked afresh
        assertThat(cache.matches("synthetic-secret", bcrypt.encode("other"))).isFalse();
        assertThat(checks).hasValue(7);
    }

    @Test
    void aFullCacheStartsOverAndAZeroTtlTurnsItOff() {
        CachingPasswordEncoder small = new CachingPasswordEncoder(counting, Duration.ofMinutes(5), 1, clock);
        String other = bcrypt.encode("second-secret");
        small.matches("synthetic-secret", hash);
        small.matches("second-secret", other);
        small.matches("synthetic-secret", hash);
        assertThat(checks).hasValue(3);

        CachingPasswordEncoder off = new CachingPasswordEncoder(counting, Duration.ZERO, 10, clock);
        off.matches("synthetic-secret", hash);
        off.matches("synthetic-secret", hash);
        assertThat(checks).hasValue(5);
    }
}
