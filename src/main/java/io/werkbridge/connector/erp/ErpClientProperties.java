package io.werkbridge.connector.erp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP's own web service that the hub calls ({@code connectors/erp/erp-services.wsdl}).
 *
 * @param url            the service address
 * @param username       HTTP Basic user (none: no Authorization header)
 * @param password       HTTP Basic password
 * @param tls            trust store for an https address (none: the JVM's default trust)
 * @param connectTimeout how long to wait for a connection
 * @param receiveTimeout how long to wait for the answer; longer counts as a failure and the message is redelivered
 * @param circuitBreaker when the one breaker shared by every call to this ERP opens and tries again
 */
@Validated
@ConfigurationProperties("werkbridge.destinations.erp")
public record ErpClientProperties(String url, String username, String password, @Valid Tls tls,
                                  @DurationMin(nanos = 0, inclusive = false) Duration connectTimeout,
                                  @DurationMin(nanos = 0, inclusive = false) Duration receiveTimeout,
                                  @Valid Breaker circuitBreaker) {

    public ErpClientProperties {
        url = url == null || url.isBlank() ? "http://localhost:8083/erp/services" : url;
        tls = tls == null ? new Tls(null, null) : tls;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        receiveTimeout = receiveTimeout == null ? Duration.ofSeconds(15) : receiveTimeout;
        circuitBreaker = circuitBreaker == null ? new Breaker(null, null, null, null, null) : circuitBreaker;
    }

    /** @param trustStore a PKCS12 or JKS file (path or {@code classpath:}), applied to the conduit when set */
    public record Tls(String trustStore, String trustStorePassword) {
    }

    /**
     * A count-based sliding window: once {@code minimumCalls} calls were made, the breaker opens when
     * {@code failureRate} percent of the last {@code slidingWindow} calls failed; after {@code waitInOpen} it lets
     * {@code halfOpenCalls} trial calls through (half-open) and closes again when they succeed.
     */
    public record Breaker(@Min(1) Integer slidingWindow, @Min(1) Integer minimumCalls,
                          @Positive @DecimalMax("100") Float failureRate,
                          @DurationMin(nanos = 0, inclusive = false) Duration waitInOpen, @Min(1) Integer halfOpenCalls) {
        public Breaker {
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            failureRate = failureRate == null ? 50f : failureRate;
            waitInOpen = waitInOpen == null ? Duration.ofSeconds(30) : waitInOpen;
            halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
        }
    }
}
