package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many requests of the partners' systems (the SOAP services and the shop, portal and ERP APIs) the hub
 * works on at once. A request beyond the bound waits, first come first served, for up to {@code maxWait}; after that
 * it is answered 503 with {@code Retry-After}, before anything of it was read or published.
 *
 * <p>Without a bound, every request thread works at once: on a small machine the intake then takes the CPU from the
 * destination consumers, the backlog between them grows in the broker and fills the heap, and the hub delivers less
 * than it could (docs/benchmarks.md). The operators' console, their API and the actuator endpoints are not bounded,
 * so they stay usable under load.
 */
public final class IntakeLimitFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final int maxConcurrent;
    private final Duration maxWait;
    private final ObjectMapper json;
    private final Counter rejected;

    /** @param maxConcurrent at least 1 and {@code maxWait} not negative, as {@link IntakeLimitProperties} checks */
    public IntakeLimitFilter(int maxConcurrent, Duration maxWait, ObjectMapper json, Counter rejected) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxConcurrent = maxConcurrent;
        this.maxWait = maxWait;
        this.json = json;
        this.rejected = rejected;
    }

    /** Whether a request path belongs to the partners' intake, which is bounded. */
    static boolean isIntake(String path) {
        return path.startsWith("/services/") || path.startsWith("/api/v1/shop/") || path.startsWith("/api/v1/portal/")
                || path.startsWith("/api/v1/erp/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isIntake(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            rejected.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "intake-busy", "Hub busy",
                    "the hub is working on " + maxConcurrent + " requests and none finished within " + maxWait
                            + "; nothing of this request was taken, send it again"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Requests being worked on now, for tests and metrics. */
    int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }
}
