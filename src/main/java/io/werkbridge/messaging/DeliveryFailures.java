package io.werkbridge.messaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Whether a failed delivery says the destination is unavailable (then it is waited for) or refused the message (then
 * the message is retried and dead-lettered). Unavailable: unreachable (connection refused or reset, any I/O error),
 * timed out, HTTP 5xx, 408 or 429, a SOAP server fault, an HTML page where a SOAP answer was expected (a gateway's
 * error page), or a circuit breaker that is open. Everything else (4xx, a
 * SOAP client fault, an invalid message, a policy error, a failed record) is not the destination's absence. Looks at
 * the whole cause chain, so a connector's own exception (the ERP's) that wraps the transport's failure counts too.
 * The reason names the kind only, never what the destination answered.
 */
public final class DeliveryFailures {

    /** A Retry-After beyond this is taken as this: a destination cannot park the hub's probes for days. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);
    private static final int MAX_RETRY_AFTER_LENGTH = 64;
    /** CXF's message code of the fault it raises when a SOAP call is answered with text/html. */
    private static final String HTML_ANSWER = "INVALID_HTML_RESPONSETYPE";

    /**
     * @param reason      the kind of failure, for the log, the state and the console (no answer text, no values)
     * @param breakerOpen a circuit breaker refused the call without trying
     * @param retryAfter  how long the destination asked to be left alone (HTTP Retry-After), zero when it did not
     */
    public record Unavailable(String reason, boolean breakerOpen, Duration retryAfter) {
    }

    private DeliveryFailures() {
    }

    public static Optional<Unavailable> unavailable(Throwable failure, Clock clock) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Optional<Unavailable> found = classify(t, clock);
            if (found != null) {
                return found;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return Optional.of(new Unavailable("I/O error " + t.getClass().getSimpleName(), false, Duration.ZERO));
            }
        }
        return Optional.empty();
    }

    /** The verdict on one exception of the chain, or null when it says nothing and the cause decides. */
    private static Optional<Unavailable> classify(Throwable t, Clock clock) {
        if (t instanceof DeliveryRecordException) {
            return Optional.empty(); // the hub's own database failed, after the destination took the message
        }
        if (t instanceof CallNotPermittedException) {
            return Optional.of(new Unavailable("circuit breaker open", true, Duration.ZERO));
        }
        if (t instanceof ConnectException) {
            return Optional.of(new Unavailable("connection refused", false, Duration.ZERO));
        }
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return Optional.of(new Unavailable("timed out", false, Duration.ZERO));
        }
        if (t instanceof HttpOperationFailedException http) {
            return status(http.getStatusCode(), retryAfter(http.getResponseHeaders(), clock));
        }
        if (t instanceof DestinationStatusException answered) {
            return status(answered.status(), Duration.ZERO);
        }
        if (t instanceof HTTPException http) {
            return status(http.getResponseCode(), Duration.ZERO);
        }
        if (htmlAnswer(t)) {
            // an HTML page where SOAP was expected comes from what stands in front of the service (SAP's ICM or web
            // dispatcher, a proxy) while the service is down or in maintenance: never the service's own refusal
            return Optional.of(new Unavailable("HTML page instead of a SOAP answer", false, Duration.ZERO));
        }
        if (t instanceof SoapFault fault) {
            String code = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
            // SOAP 1.1 Server, SOAP 1.2 Receiver: the service failed, not the request. A fault with another status than
            // SOAP's 500 (a proxy's 502, 503, 504 page, read as a fault) is the status' verdict
            if ("Server".equals(code) || "Receiver".equals(code)) {
                return Optional.of(new Unavailable("SOAP fault " + code, false, Duration.ZERO));
            }
            int status = fault.getStatusCode();
            return status != 500 && status >= 400 ? status(status, Duration.ZERO) : Optional.empty();
        }
        return null;
    }

    /** CXF's fault for a SOAP call answered with an HTML page (not a SOAP fault: nothing of SOAP was read). */
    public static boolean htmlAnswer(Throwable t) {
        return t instanceof Fault fault && !(t instanceof SoapFault) && HTML_ANSWER.equals(fault.getCode());
    }

    private static Optional<Unavailable> status(int status, Duration retryAfter) {
        boolean unavailable = status >= 500 || status == 408 || status == 429;
        return unavailable ? Optional.of(new Unavailable("HTTP " + status, false, retryAfter)) : Optional.empty();
    }

    /** The Retry-After header (seconds or an HTTP date), bounded; zero when absent or unreadable. */
    static Duration retryAfter(Map<String, String> headers, Clock clock) {
        if (headers == null) {
            return Duration.ZERO;
        }
        String value = headers.entrySet().stream().filter(e -> "Retry-After".equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isBlank() || value.length() > MAX_RETRY_AFTER_LENGTH) {
            return Duration.ZERO;
        }
        String trimmed = value.trim();
        Duration asked;
        if (trimmed.chars().allMatch(Character::isDigit)) {
            asked = trimmed.length() > 9 ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(trimmed));
        } else {
            try {
                Instant until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                asked = Duration.between(clock.instant(), until);
            } catch (DateTimeParseException e) {
                return Duration.ZERO; // an unreadable header is ignored: the back-off applies
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
    }
}
