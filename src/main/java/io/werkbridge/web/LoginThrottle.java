package io.werkbridge.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts failed password logins (HTTP Basic and the console's form) per client name and per source address, and
 * says when a name or an address has failed too often: the {@link LoginThrottleFilter} then answers 429 before any
 * password is checked, so guessing costs the hub no bcrypt time. A count starts with the first failure and is
 * forgotten {@code window} later (a fixed window). The counts live in a bounded Caffeine cache, like the
 * {@link RateLimitFilter}'s buckets, so a flood of made-up names or addresses cannot fill the heap. Names are counted
 * whether or not such a client exists, so the answer tells nothing about which names exist.
 */
public final class LoginThrottle implements ApplicationListener<AuthenticationFailureBadCredentialsEvent> {

    static final int MAX_ENTRIES = 100_000;
    /** A longer name is no configured client; keys are cut to this, so a huge header cannot make an entry large. */
    private static final int MAX_KEY_LENGTH = 128;

    private final int maxPerName;
    private final int maxPerAddress;
    private final Duration window;
    private final Counter failed;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(int maxPerName, int maxPerAddress, Duration window, Counter failed, LongSupplier nanoTime) {
        this.maxPerName = maxPerName;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.failed = failed;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(window)
                .ticker(nanoTime::getAsLong).executor(Runnable::run).build();
    }

    /** How long a login with this name (may be null) from this address must wait, or empty if it may try now. */
    public Optional<Duration> retryAfter(String name, String address) {
        Optional<Duration> byAddress = wait(addressKey(address), maxPerAddress);
        if (byAddress.isPresent() || name == null) {
            return byAddress;
        }
        return wait(nameKey(name), maxPerName);
    }

    /** Records a failed login. */
    public void failed(String name, String address) {
        failed.increment();
        failures.get(addressKey(address), k -> new AtomicInteger()).incrementAndGet();
        if (name != null) {
            failures.get(nameKey(name), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Spring Security publishes a wrong password or an unknown name as this event (for Basic and form login alike). */
    @Override
    public void onApplicationEvent(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
                && login.getDetails() instanceof WebAuthenticationDetails details) {
            failed(login.getName(), details.getRemoteAddress());
        }
    }

    /** Entries held now, for tests. */
    long entries() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Optional<Duration> wait(String key, int max) {
        AtomicInteger count = failures.getIfPresent(key);
        if (count == null || count.get() < max) {
            return Optional.empty();
        }
        OptionalLong age = failures.policy().expireAfterWrite().orElseThrow().ageOf(key, TimeUnit.NANOSECONDS);
        Duration left = age.isPresent() ? window.minusNanos(age.getAsLong()) : window;
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    private static String nameKey(String name) {
        return "name:" + (name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
