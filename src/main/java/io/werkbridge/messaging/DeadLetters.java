package io.werkbridge.messaging;

import io.werkbridge.credentials.AuthenticationRefusedException;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.MessageHeldException;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Prepares a failed exchange for its flow's dead-letter queue: the reason, the route, the queue it came from and the
 * time go into headers so an operator can see why without opening the body, and can replay it to where it failed.
 * Reasons come from the hub's own exceptions, which never carry personal values.
 */
@Component("deadLetters")
public final class DeadLetters {

    public static final String REASON = "WerkbridgeFailureReason";
    public static final String FAILED_ROUTE = "WerkbridgeFailedRoute";
    public static final String FAILED_AT = "WerkbridgeFailedAt";
    /** The queue the message was consumed from when it failed ({@code werkbridge.<flow>.<destination>}); replay target. */
    public static final String FAILED_QUEUE = "WerkbridgeFailedQueue";
    /** Set when the privacy gate held the message: the destination whose hold queue takes it. */
    public static final String HELD_FOR = "WerkbridgeHeldFor";
    /** The reason's first word when a destination refused the hub's credentials. */
    public static final String AUTHENTICATION = "authentication";
    private static final int MAX_REASON = 1000;

    private final FlowRoutes routes;
    private final FlowMetrics metrics;

    public DeadLetters(FlowRoutes routes, FlowMetrics metrics) {
        this.routes = routes;
        this.metrics = metrics;
    }

    public void describe(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure" : reasonOf(cause);
        org.apache.camel.Message message = exchange.getMessage();
        message.setHeader(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        message.setHeader(FAILED_ROUTE, exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class));
        message.setHeader(FAILED_AT, Instant.now().toString());
        // the parked copy is a new message for the broker: a duplicate id from its first publication would make the
        // broker drop it (or drop its replay later)
        message.removeHeader(FlowPublishing.DUPLICATE_ID);
        Optional<FlowQueue> queue = routes.consumedBy(exchange);
        queue.ifPresent(q -> message.setHeader(FAILED_QUEUE, q.queueName()));
        if (cause instanceof MessageHeldException held) {
            message.setHeader(HELD_FOR, held.destination());
            queue.ifPresent(q -> metrics.held(q.flow(), held.destination()));
        } else {
            queue.ifPresent(metrics::failed);
        }
    }

    /**
     * The reason an operator reads. A refused credential is {@code authentication: ...}, naming the status or the
     * token endpoint's error code only: the HTTP exception's own text carries the URL, whose query may hold a key.
     */
    static String reasonOf(Throwable cause) {
        if (cause instanceof AuthenticationRefusedException refused) {
            return AUTHENTICATION + ": " + refused.getMessage();
        }
        if (cause instanceof HttpOperationFailedException http
                && (http.getStatusCode() == 401 || http.getStatusCode() == 403)) {
            // a 401 reaches here only after the credentials were renewed once (route flow-destination); a 403 at once
            return AUTHENTICATION + ": the destination refused the hub's credentials (HTTP " + http.getStatusCode()
                    + (http.getStatusCode() == 401 ? ") after they were renewed" : ")");
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
