package io.werkbridge.connector.erp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("werkbridge.destinations.erp")
public record ErpClientProperties(String url, String username, String password, Tls tls, Duration connectTimeout,
                                  Duration receiveTimeout, Breaker circuitBreaker) {

    public ErpClientProperties {
        url = url == null || url.isBlank() ? "http://localhost:8083/erp/services" : url;
        tls = tls == null ? new Tls(null, null) : tls;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        receiveTimeout = receiveTimeout == null ? Duration.ofSeconds(15) : receiveTimeout;
        circuitBreaker = circuitBreaker == null ? new Breaker(0, 0, 0, null, 0) : circuitBreaker;
    }

    /** @param trustStore a PKCS12 or JKS file (path or {@code classpath:}), applied to the conduit when set */
    public record Tls(String trustStore, String trustStorePassword) {
    }

    /**
     * A count-based sliding window: once {@code minimumCalls} calls were made, the breaker opens when
     * {@code failureRate} percent of the last {@code slidingWindow} calls failed; after {@code waitInOpen} it lets
     * {@code halfOpenCalls} trial calls through (half-open) and closes again when they succeed.
     */
    public record Breaker(int slidingWindow, int minimumCalls, float failureRate, Duration waitInOpen, int halfOpenCalls) {
        public Breaker {
            slidingWindow = slidingWindow > 0 ? slidingWindow : 20;
            minimumCalls = minimumCalls > 0 ? minimumCalls : 10;
            failureRate = failureRate > 0 ? failureRate : 50f;
            waitInOpen = waitInOpen == null ? Duration.ofSeconds(30) : waitInOpen;
            halfOpenCalls = halfOpenCalls > 0 ? halfOpenCalls : 2;
        }
    }
}
