package io.werkbridge.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.werkbridge.privacy.operator.KeyedHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short time, which password/hash pairs bcrypt has verified, so a client calling with HTTP Basic
 * hundreds of times a second pays the deliberately slow bcrypt check once per {@code ttl} instead of on every
 * request. Only successful checks are remembered, under a keyed HMAC of the pair (the key is random per process and
 * never leaves it, the password is never stored), so guessing a password is exactly as slow as without the cache.
 * A changed password hash is a different pair. The cache is bounded (Caffeine): when full, the pairs least worth
 * keeping go, one at a time, and a remembered pair expires {@code ttl} after it was verified.
 */
public final class CachingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final KeyedHash pairs;
    private final Cache<String, Boolean> verified;

    /** @param ttl 0 or more (the setting's range is checked by {@link SecurityProperties}); 0 turns the cache off */
    public CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the password cache needs at least one entry");
        }
        this.delegate = delegate;
        this.ttl = ttl;
        // the clock drives expiry, so a test can move time; maintenance on the caller's thread, no pool needed
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl)
                .ticker(() -> nanos(clock.instant())).executor(Runnable::run).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.pairs = new KeyedHash(secret); // copies the key
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        // one bcrypt check per pair: the requests that arrive meanwhile (a client's parallel connections, all
        // missing at once when the pair expires) wait for it instead of each paying their own; a failed check is
        // not stored, so a wrong password is checked again every time
        return verified.get(digest(rawPassword, encodedPassword),
                pair -> delegate.matches(rawPassword, encodedPassword) ? Boolean.TRUE : null) != null;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private String digest(CharSequence rawPassword, String encodedPassword) {
        return pairs.hash(rawPassword + "\0" + encodedPassword);
    }
}
