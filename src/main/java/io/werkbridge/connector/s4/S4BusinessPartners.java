package io.werkbridge.connector.s4;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.operations.InitialLoads;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import java.net.URI;
import java.time.Clock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.werkbridge.model.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads business partners from S/4 and queues each as a canonical customer on the customer-master flow: the initial
 * load pages through every partner in key order and records the last partner of each page read completely, so a
 * restart resumes after it; then the change polling reads the partners created or changed at or after the
 * watermark (ties at the same second are read again, never skipped) and moves the watermark to the newest change
 * seen, kept {@code change-overlap} behind the hub's clock so that late commits and clock skew leave no gap. A
 * partner read twice unchanged has the same message id and is delivered once. A business event reads its one
 * partner. A partner S/4 blocks ({@code BusinessPartnerIsBlocked}) is recorded as a restriction of processing for
 * every purpose, which the privacy gate then applies to its messages.
 */
public final class S4BusinessPartners {

    static final String SOURCE = "s4";
    static final String FLOW = "customer-master";
    static final String EXPAND = "to_BusinessPartnerAddress,to_BusinessPartnerAddress/to_EmailAddress,"
            + "to_BusinessPartnerAddress/to_PhoneNumber,to_Customer,to_BusinessPartnerBank,to_BusinessPartnerTax";
    private static final Pattern PARTNER = Pattern.compile("[0-9A-Za-z]{1,10}");
    private static final Logger LOG = LoggerFactory.getLogger(S4BusinessPartners.class);

    private final S4Client client;
    private final S4Properties settings;
    private final S4Watermarks watermarks;
    private final InboundPublisher publisher;
    private final JdbcSubjectRestrictions restrictions;
    private final InitialLoads loads;
    private final Clock clock;
    /**
     * Message ids queued lately: a partner read again unchanged (the change polling's overlap, an event for a change
     * the polling saw) is not queued again. The delivery ledger would deliver it once anyway; this spares the broker
     * the duplicate (and its warning). Bounded; after a restart the ledger alone deduplicates.
     */
    private final Cache<String, Boolean> queued = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(6)).build();
    /** One poll at a time, also across the timer and an operator's call. */
    private final ReentrantLock polling = new ReentrantLock();

    S4BusinessPartners(S4Client client, S4Properties settings, S4Watermarks watermarks, InboundPublisher publisher,
                       JdbcSubjectRestrictions restrictions, InitialLoads loads, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.watermarks = watermarks;
        this.publisher = publisher;
        this.restrictions = restrictions;
        this.loads = loads;
        this.clock = clock;
    }

    /** The timer's step: the initial load until it is done, then the changes. */
    public void poll() {
        if (!polling.tryLock()) {
            return;
        }
        try {
            S4Watermarks.State state = watermarks.read(SOURCE).orElseGet(() -> {
                watermarks.startLoad(SOURCE, clock.instant());
                return watermarks.read(SOURCE).orElseThrow();
            });
            if (!state.loadDone()) {
                initialLoad(state);
            } else {
                changes(state.changedSince());
            }
        } finally {
            polling.unlock();
        }
    }

    private void initialLoad(S4Watermarks.State state) {
        String query = "$expand=" + EXPAND + "&$orderby=BusinessPartner&$top=" + settings.pageSize()
                + (state.loadLastPartner() == null ? ""
                : "&$filter=" + S4Client.encode("BusinessPartner gt '" + state.loadLastPartner() + "'"));
        URI next = client.resolve("A_BusinessPartner", query);
        int partners = 0;
        // the number of partners is not known ahead, so progress has a count and a rate but no share or time left
        InitialLoads.Progress progress = loads.start(SOURCE, state.loadLastPartner() == null ? "business partners"
                : "business partners, resumed after the last page read");
        try {
            while (next != null) {
                AtomicReference<String> last = new AtomicReference<>();
                List<Envelope> batch = new ArrayList<>();
                next = client.page(next, bp -> {
                    map(bp).ifPresent(batch::add);
                    last.set(S4PartnerMapper.text(bp, "BusinessPartner"));
                });
                // the page's messages in one broker transaction, before the watermark passes them
                queue(batch);
                partners += batch.size();
                if (last.get() != null) {
                    watermarks.loadProgress(SOURCE, last.get(), clock.instant());
                }
                progress.update(partners, 0, 0, Double.NaN);
            }
        } catch (RuntimeException e) {
            progress.failed("S/4 could not be read or the page not queued (" + e.getClass().getSimpleName()
                    + "); the next poll continues after the last page read");
            throw e;
        }
        watermarks.loadDone(SOURCE, state.loadStartedAt().minus(settings.changeOverlap()), clock.instant());
        progress.done();
        LOG.info("S/4 initial load done: {} partner(s) read in this run", partners);
    }

    private void changes(Instant since) {
        Instant pollStart = clock.instant();
        String date = ODataValues.filterDate(since);
        String time = ODataValues.filterTime(since);
        String filter = "(LastChangeDate gt " + date + " or (LastChangeDate eq " + date + " and LastChangeTime ge " + time + "))"
                + " or (CreationDate gt " + date + " or (CreationDate eq " + date + " and CreationTime ge " + time + "))";
        URI next = client.resolve("A_BusinessPartner", "$expand=" + EXPAND + "&$orderby=BusinessPartner&$top="
                + settings.pageSize() + "&$filter=" + S4Client.encode(filter));
        AtomicReference<Instant> newest = new AtomicReference<>(since);
        while (next != null) {
            List<Envelope> batch = new ArrayList<>();
            next = client.page(next, bp -> map(bp).ifPresent(envelope -> {
                batch.add(envelope);
                if (envelope.occurredAt().isAfter(newest.get())) {
                    newest.set(envelope.occurredAt());
                }
            }));
            queue(batch);
        }
        Instant behind = pollStart.minus(settings.changeOverlap());
        Instant watermark = newest.get().isBefore(behind) ? newest.get() : behind.isAfter(since) ? behind : since;
        watermarks.changedSince(SOURCE, watermark, clock.instant());
    }

    /**
     * A business event named this partner: read it and queue it (the event says only that it changed).
     *
     * @return whether S/4 knows the partner
     */
    public boolean readOne(String partner) {
        if (partner == null || !PARTNER.matcher(partner).matches()) {
            throw new IllegalArgumentException("the business partner id must be 1-10 letters or digits");
        }
        URI address = client.resolve("A_BusinessPartner('" + partner + "')", "$expand=" + EXPAND);
        return client.entity(address).map(bp -> {
            deliver(bp);
            return true;
        }).orElse(false);
    }

    /** Maps and queues one partner. */
    private void deliver(JsonNode bp) {
        queue(map(bp).stream().toList());
    }

    /** Queues the envelopes not queued lately, in one transaction; only once they are queued are they remembered. */
    private void queue(List<Envelope> envelopes) {
        List<Envelope> fresh = envelopes.stream().filter(e -> queued.getIfPresent(e.messageId()) == null).toList();
        if (!fresh.isEmpty()) {
            publisher.publishAll(FLOW, fresh);
            fresh.forEach(e -> queued.put(e.messageId(), Boolean.TRUE));
        }
    }

    /**
     * Maps one partner (empty when it is not a customer); a blocked one is recorded as a restriction first, so the
     * gate holds its message from the moment it is queued.
     */
    private Optional<Envelope> map(JsonNode bp) {
        return S4PartnerMapper.map(bp, settings.customersOnly(), clock.instant()).map(mapped -> {
            if (mapped.blocked()) {
                restrict(mapped.envelope().key());
            }
            return mapped.envelope();
        });
    }

    private void restrict(String customerNumber) {
        if (restrictions.restrictionFor(Set.of(customerNumber), JdbcSubjectRestrictions.ALL_PURPOSES).isEmpty()) {
            restrictions.add(customerNumber, JdbcSubjectRestrictions.ALL_PURPOSES, JdbcSubjectRestrictions.Kind.RESTRICTION);
        }
    }
}
