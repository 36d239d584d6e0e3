package io.werkbridge.messaging;

import java.time.Instant;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.MessageHeldException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.springframework.stereotype.Component;

/**
 * Prepares a failed exchange for its flow's dead-letter queue: the reason, the route and the time go into headers
 * so an operator can see why without opening the body. Reasons come from the hub's own exceptions, which never
 * carry personal values.
 */
@Component("deadLetters")
public final class DeadLetters {

    public static final String REASON = "WerkbridgeFailureReason";
    public static final String FAILED_ROUTE = "WerkbridgeFailedRoute";
    public static final String FAILED_AT = "WerkbridgeFailedAt";
    /** Set when the privacy gate held the message: the destination whose hold queue takes it. */
    public static final String HELD_FOR = "WerkbridgeHeldFor";
    private static final int MAX_REASON = 1000;

    public void describe(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getMessage().setHeader(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        exchange.getMessage().setHeader(FAILED_ROUTE, exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class));
        exchange.getMessage().setHeader(FAILED_AT, Instant.now().toString());
        if (cause instanceof MessageHeldException held) {
            exchange.getMessage().setHeader(HELD_FOR, held.destination());
        }
    }

    /**
     * Makes the body storable on a queue when it is not already bytes or text (a connector's intermediate object,
     * e.g. an envelope or a map of protocol values): it becomes its canonical JSON.
     */
    public void storable(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body != null && !(body instanceof byte[]) && !(body instanceof String)) {
            exchange.getMessage().setBody(CanonicalJson.write(body));
        }
    }
}
