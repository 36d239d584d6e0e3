package io.werkbridge.connector.s4;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SAP S/4HANA business partner connector ({@code werkbridge.s4}, docs/erp.md): off unless {@code enabled}.
 *
 * @param enabled        reads partners (initial load, change polling, business events) only when true
 * @param url            the S/4 system, scheme, host and port (e.g. {@code https://my.s4hana.example:443})
 * @param servicePath    the OData V2 service of the released business partner API
 * @param sapClient      the SAP client ({@code sap-client} query parameter); none: the system's default client
 * @param username       HTTP Basic user (a communication user); set this or {@code oauth2}
 * @param password       HTTP Basic password
 * @param oauth2         OAuth2 client credentials (token URL, client id and secret); set this or {@code username}
 * @param pageSize       partners per page ({@code $top}); one page is held in memory at a time
 * @param pollInterval   how often changed partners are read
 * @param changeOverlap  how far before the initial load's start the change polling starts, and how far the clocks of
 *                       the hub and of S/4 may differ; partners read twice are delivered once (their message id)
 * @param customersOnly  deliver only partners with the customer role ({@code Customer} set)
 * @param connectTimeout how long to wait for a connection
 * @param receiveTimeout how long to wait for an answer
 * @param retries        further attempts of a failed read (I/O error, 429, 5xx), with doubling back-off
 * @param retryBackoff   the first back-off
 * @param circuitBreaker when the breaker of every call to this S/4 system opens and tries again
 */
@Validated
@ConfigurationProperties("werkbridge.s4")
public record S4Properties(boolean enabled, String url, String servicePath, String sapClient, String username,
                           String password, @Valid OAuth2 oauth2,
                           @Min(1) @Max(5000) Integer pageSize,
                           @DurationMin(seconds = 1) Duration pollInterval,
                           @DurationMin(nanos = 0) Duration changeOverlap,
                           Boolean customersOnly,
                           @DurationMin(nanos = 0, inclusive = false) Duration connectTimeout,
                           @DurationMin(nanos = 0, inclusive = false) Duration receiveTimeout,
                           @Min(0) @Max(10) Integer retries,
                           @DurationMin(nanos = 0) Duration retryBackoff,
                           @Valid Breaker circuitBreaker) {

    public S4Properties {
        servicePath = servicePath == null || servicePath.isBlank() ? "/sap/opu/odata/sap/API_BUSINESS_PARTNER" : servicePath;
        oauth2 = oauth2 == null ? new OAuth2(null, null, null) : oauth2;
        pageSize = pageSize == null ? 500 : pageSize;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        changeOverlap = changeOverlap == null ? Duration.ofMinutes(5) : changeOverlap;
        customersOnly = customersOnly == null || customersOnly;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        receiveTimeout = receiveTimeout == null ? Duration.ofSeconds(60) : receiveTimeout;
        retries = retries == null ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        circuitBreaker = circuitBreaker == null ? new Breaker(null, null, null, null, null) : circuitBreaker;
    }

    /** When enabled: the system's URL and exactly one way to authenticate, complete. */
    @AssertTrue(message = "werkbridge.s4.enabled needs werkbridge.s4.url (http or https) and either username and"
            + " password (HTTP Basic) or oauth2.token-url, oauth2.client-id and oauth2.client-secret, not both")
    public boolean isComplete() {
        if (!enabled) {
            return true;
        }
        boolean basic = set(username) && set(password);
        boolean partialBasic = set(username) || set(password);
        return set(url) && (url.startsWith("http://") || url.startsWith("https://"))
                && (basic ^ oauth2.complete()) && !(partialBasic && !basic) && !(oauth2.partial() && !oauth2.complete());
    }

    boolean usesOAuth2() {
        return oauth2.complete();
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** OAuth2 client credentials grant (e.g. the SAP BTP or S/4HANA Cloud communication arrangement's token URL). */
    public record OAuth2(String tokenUrl, String clientId, String clientSecret) {
        boolean complete() {
            return set(tokenUrl) && set(clientId) && set(clientSecret);
        }

        boolean partial() {
            return set(tokenUrl) || set(clientId) || set(clientSecret);
        }

        @Override
        public String toString() {
            return "OAuth2[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
        }
    }

    /** A count-based sliding window, as for the ERP's web service (docs/erp.md). */
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

    @Override
    public String toString() {
        return "S4Properties[enabled=" + enabled + ", url=" + url + ", servicePath=" + servicePath + ", pageSize=" + pageSize + "]";
    }
}
