package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.rights.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void parallelRequestsOfOneClientPayOneCheck() throws Exception {
        CachingPasswordEncoder cache = new CachingPasswordEncoder(counting, Duration.ofMinutes(5), 10, clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.matches("synthetic-secret", hash);
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checks).hasValue(1);
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

    @Test
    void aFullCacheForgetsOnePairNotAll() {
        CachingPasswordEncoder cache = new CachingPasswordEncoder(counting, Duration.ofMinutes(5), 3, clock);
        String[] passwords = {"first-secret", "second-secret", "third-secret", "fourth-secret"};
        String[] hashes = new String[passwords.length];
        for (int i = 0; i < passwords.length; i++) {
            hashes[i] = bcrypt.encode(passwords[i]);
        }
        for (int i = 0; i < 3; i++) {
            for (int call = 0; call < 5; call++) {
                assertThat(cache.matches(passwords[i], hashes[i])).isTrue();
            }
        }
        assertThat(checks).hasValue(3);

        assertThat(cache.matches(passwords[3], hashes[3])).isTrue();
        assertThat(checks).hasValue(4);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.matches(passwords[i], hashes[i])).isTrue();
        }
        assertThat(checks).as("at most the one pair evicted for the fourth is checked again").hasValueLessThanOrEqualTo(5);
    }
}
