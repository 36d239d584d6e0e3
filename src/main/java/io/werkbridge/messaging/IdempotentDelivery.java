package io.werkbridge.messaging;

import io.werkbridge.privacy.audit.PendingDisclosure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first and the last step of every destination route ({@code flow-destination} in
 * {@code routes/flow-templates.camel.yaml}): {@link #skipIfDelivered} runs as the message comes off the queue and
 * stops the route when the ledger says this message reached this destination before (a redelivery after a rollback,
 * a crash or a replay); {@link #record} runs right after the send and records the delivery, together with the
 * disclosure the privacy gate let through, in one database transaction ({@link DeliveryRecords}, group commit): a
 * failure later in the exchange cannot cause a second send, and a delivery is never acknowledged without its
 * disclosure record (if that append fails, neither row is written and the message is redelivered).
 *
 * <p>The one window that stays open is a crash between the destination's answer and that record: the message is
 * then sent again with the same {@code Idempotency-Key}, which the destination uses to recognise it.
 */
public final class IdempotentDelivery {

    /** Exchange property: the message id as it came off the queue (headers are cleared before the send). */
    public static final String MESSAGE_ID = "WerkbridgeDeliveryMessageId";
    /** Exchange property: when the message was published on the flow (JMSTimestamp), epoch millis. */
    static final String PUBLISHED_AT = "WerkbridgeDeliveryPublishedAt";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentDelivery.class);

    private final FlowRoutes routes;
    private final DeliveryLedger ledger;
    private final FlowMetrics metrics;
    private final DeliveryRecords records;
    private final Clock clock;

    public IdempotentDelivery(FlowRoutes routes, DeliveryLedger ledger, FlowMetrics metrics, DeliveryRecords records,
                              Clock clock) {
        this.routes = routes;
        this.ledger = ledger;
        this.metrics = metrics;
        this.records = records;
        this.clock = clock;
    }

    public void skipIfDelivered(Exchange exchange) {
        Optional<FlowQueue> queue = routes.consumedBy(exchange).filter(FlowQueue::isDestination);
        if (queue.isEmpty()) {
            return;
        }
        String messageId = exchange.getMessage().getHeader(HubHeaders.MESSAGE_ID, String.class);
        if (messageId == null) {
            LOG.warn("message without {} on {}: delivered without the idempotency check", HubHeaders.MESSAGE_ID,
                    queue.get().queueName());
            return;
        }
        exchange.setProperty(MESSAGE_ID, messageId);
        exchange.setProperty(PUBLISHED_AT, exchange.getMessage().getHeader("JMSTimestamp", Long.class));
        if (ledger.isDelivered(queue.get(), messageId)) {
            LOG.info("message {} reached {} before: not sent again", messageId, queue.get().queueName());
            metrics.duplicate(queue.get());
            exchange.setRouteStop(true);
        }
    }

    /** Called right after the destination accepted the message. */
    public void record(Exchange exchange) {
        Optional<FlowQueue> queue = routes.consumedBy(exchange).filter(FlowQueue::isDestination);
        String messageId = exchange.getProperty(MESSAGE_ID, String.class);
        PendingDisclosure disclosure = PendingDisclosure.of(exchange);
        boolean ledgered = queue.isPresent() && messageId != null;
        if (!ledgered && disclosure == null) {
            return;
        }
        Instant now = clock.instant();
        records.record(ledgered ? queue.get() : null, ledgered ? messageId : null, now, disclosure);
        if (ledgered) {
            Long publishedAt = exchange.getProperty(PUBLISHED_AT, Long.class);
            metrics.delivered(queue.get(), publishedAt == null || publishedAt <= 0 ? null
                    : Duration.between(Instant.ofEpochMilli(publishedAt), now));
        }
    }
}
