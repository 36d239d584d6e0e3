package io.werkbridge.privacy.audit;

import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The disclosure the gate let through, waiting for the delivery that makes it real. The delivery records it right
 * after the destination accepted the message, inside the database transaction that also records the delivery
 * ({@code IdempotentDelivery}): either both are written or neither is, and a failed append fails the exchange, so
 * the message is redelivered instead of reaching the destination without its disclosure record.
 */
public final class PendingDisclosure {

    /** Exchange property holding the pending disclosure of the gated message. */
    public static final String PROPERTY = "WerkbridgePendingDisclosure";

    private final Function<Instant, DisclosureRecord> record;
    private final DisclosureLog log;
    private final Runnable counted;
    private final AtomicBoolean recorded = new AtomicBoolean();

    public PendingDisclosure(Function<Instant, DisclosureRecord> record, DisclosureLog log, Runnable counted) {
        this.record = record;
        this.log = log;
        this.counted = counted;
    }

    /** The pending disclosure of the exchange, or null when no gate ran or it was recorded already. */
    public static PendingDisclosure of(Exchange exchange) {
        PendingDisclosure pending = exchange.getProperty(PROPERTY, PendingDisclosure.class);
        return pending == null || pending.recorded.get() ? null : pending;
    }

    /** Appends the disclosure record (once; joins the caller's database transaction when there is one). */
    public void record(Instant at) {
        if (recorded.get()) {
            return;
        }
        log.append(record.apply(at));
        recorded();
    }

    /** The record to append, for a writer that appends it together with others ({@link #recorded()} once written). */
    public DisclosureRecord recordAt(Instant at) {
        return record.apply(at);
    }

    /** Marks the record as appended (by {@link #record} or by a writer of {@link #recordAt}) and counts it. */
    public void recorded() {
        if (!recorded.getAndSet(true)) {
            counted.run();
        }
    }
}
