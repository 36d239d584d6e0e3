package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a login attempt (HTTP Basic credentials, or the console's form POST to {@code /login}) with 429 and
 * {@code Retry-After} while its client name or its address has failed too often ({@link LoginThrottle}). Runs before
 * authentication, so no password is checked then. Requests without credentials pass untouched.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> name = loginName(request);
        if (name.isPresent()) {
            Optional<Duration> wait = throttle.retryAfter(name.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                        "Too many failed logins", "too many failed logins for this client or from this address; retry after "
                                + seconds + " s"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The name a request signs in with, if it carries credentials. */
    private static Optional<String> loginName(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                // Spring's BasicAuthenticationFilter refuses it with 401 and checks no password
                return Optional.empty();
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && path.equals("/login")) {
            String username = request.getParameter("username");
            return Optional.of(username == null ? "" : username);
        }
        return Optional.empty();
    }
}
