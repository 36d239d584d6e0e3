package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

/** Which failures say a destination is unavailable (waited for) and which are refusals (retried, dead-lettered). */
class DeliveryFailuresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://destination.example/x", status, "status", null, headers, "body of a person");
    }

    private static String reason(Throwable failure) {
        return DeliveryFailures.unavailable(failure, CLOCK).map(DeliveryFailures.Unavailable::reason).orElse("refused");
    }

    @Test
    void unreachableTimedOutAndServerErrorsAreUnavailable() {
        assertThat(reason(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(reason(new RuntimeException("wrapped", new SocketTimeoutException("Read timed out")))).isEqualTo("timed out");
        assertThat(reason(new IllegalStateException("connector", new SocketException("Connection reset")))).isEqualTo("I/O error SocketException");
        assertThat(reason(http(503, Map.of()))).isEqualTo("HTTP 503");
        assertThat(reason(http(500, Map.of()))).isEqualTo("HTTP 500");
        assertThat(reason(http(408, Map.of()))).isEqualTo("HTTP 408");
        assertThat(reason(http(429, Map.of()))).isEqualTo("HTTP 429");
        assertThat(reason(new RuntimeException("ERP call failed", new SoapFault("x", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server")))))
                .isEqualTo("SOAP fault Server");
        // a connector with its own HTTP client gives the status as the cause (the shop's admin API)
        assertThat(reason(new IllegalStateException("shop admin API answered 502", new DestinationStatusException(502)))).isEqualTo("HTTP 502");
        // a proxy's maintenance page read as a SOAP fault: the status decides
        SoapFault page = new SoapFault("x", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client"));
        page.setStatusCode(503);
        assertThat(reason(page)).isEqualTo("HTTP 503");
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("erp"));
        assertThat(DeliveryFailures.unavailable(new RuntimeException("ERP call failed", open), CLOCK)).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo("circuit breaker open");
            assertThat(u.breakerOpen()).isTrue();
        });
    }

    @Test
    void refusalsAreNotUnavailable() {
        assertThat(reason(http(400, Map.of()))).isEqualTo("refused");
        assertThat(reason(http(404, Map.of()))).isEqualTo("refused");
        assertThat(reason(http(422, Map.of()))).isEqualTo("refused");
        assertThat(reason(new RuntimeException("ERP call failed", new SoapFault("x", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client")))))
                .isEqualTo("refused");
        assertThat(reason(new IllegalArgumentException("invalid message"))).isEqualTo("refused");
        assertThat(reason(new IllegalStateException("shop admin API answered 409", new DestinationStatusException(409)))).isEqualTo("refused");
        // the hub's own records failed (its database unreachable): not the destination's absence
        assertThat(reason(new DeliveryRecordException("records not written", new SocketException("reset")))).isEqualTo("refused");
        // a refusal wrapping an I/O detail is still a refusal: the first verdict in the chain counts
        assertThat(reason(new RuntimeException(http(400, Map.of())))).isEqualTo("refused");
        assertThat(reason(new IOException("generic"))).isEqualTo("I/O error IOException");
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredAndBounded() {
        assertThat(DeliveryFailures.unavailable(http(429, Map.of("retry-after", "120")), CLOCK).orElseThrow().retryAfter())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryFailures.unavailable(http(503, Map.of("Retry-After", "Mon, 07 Dec 2026 10:00:30 GMT")), CLOCK)
                .orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryFailures.retryAfter(Map.of("Retry-After", "99999999999999"), CLOCK)).isEqualTo(DeliveryFailures.LONGEST_RETRY_AFTER);
        assertThat(DeliveryFailures.retryAfter(Map.of("Retry-After", "soon"), CLOCK)).isZero();
        assertThat(DeliveryFailures.retryAfter(Map.of("Retry-After", "Mon, 07 Dec 2026 09:00:00 GMT"), CLOCK)).isZero();
        assertThat(DeliveryFailures.retryAfter(Map.of("Retry-After", "1".repeat(100)), CLOCK)).isZero();
    }

    @Test
    void probesBackOffExponentiallyUpToTheCap() {
        WaitingProperties.Waiting waiting = new WaitingProperties.Waiting(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofHours(1));
        assertThat(waiting.probeDelay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(waiting.probeDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(waiting.probeDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(waiting.probeDelay(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(waiting.probeDelay(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDestinationsOwnSettingsReplaceTheDefaultsOneByOne() {
        WaitingProperties properties = new WaitingProperties(new WaitingProperties.Delivery(null), Map.of("erp",
                new WaitingProperties.Destination(new WaitingProperties.Waiting(null, null, null, Duration.ofHours(4)))));
        assertThat(properties.of("erp").maximumWait()).isEqualTo(Duration.ofHours(4));
        assertThat(properties.of("erp").firstProbe()).isEqualTo(WaitingProperties.Waiting.DEFAULT.firstProbe());
        assertThat(properties.of("shop")).isEqualTo(WaitingProperties.Waiting.DEFAULT);
    }
}
