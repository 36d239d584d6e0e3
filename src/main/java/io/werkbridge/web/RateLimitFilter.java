package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (the authenticated name; the remote address for anonymous callers): above the rate the
 * request is answered 429 with {@code Retry-After}. Runs after authentication, so a client cannot starve another.
 * The buckets are a bounded Caffeine cache: a bucket left alone until it is full again is as good as a new one and is
 * forgotten, so addresses seen once do not pile up; beyond {@value #MAX_CLIENTS} clients the least active go first.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_CLIENTS = 100_000;
    private final double perSecond;
    private final int burst;
    private final ObjectMapper json;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(double perSecond, int burst, ObjectMapper json, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.json = json;
        this.nanoTime = nanoTime;
        Duration refill = Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9)); // an empty bucket is full again after this
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(refill)
                .ticker(nanoTime::getAsLong).executor(Runnable::run).build();
    }

    /** How many clients have a bucket now. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") && !uri.startsWith("/services/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String client = who != null && who.isAuthenticated() ? "client:" + who.getName() : "address:" + request.getRemoteAddr();
        long waitNanos = buckets.get(client, k -> new Bucket(burst, nanoTime.getAsLong())).take(perSecond, burst, nanoTime.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "this client sends more than " + perSecond + " requests per second; retry after " + seconds + " s");
            Problems.write(response, json, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Tokens refill continuously at the rate, up to the burst. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        /** Takes one token; returns 0, or how long until one is there. */
        synchronized long take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perSecond * 1e9);
        }
    }
}
