package io.werkbridge.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.PendingDisclosure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes what a delivery leaves behind, the delivery ledger row and the disclosure record, with group commit: the
 * delivering thread hands its records to one writer and waits until they are committed; the writer commits
 * everything that is waiting in one transaction (one lock of the disclosure chain, one commit), so the database is
 * asked for one commit per batch instead of one per delivery. Once a record arrives, the writer gathers for up to
 * {@code linger} before it commits: a commit costs about the same for one row as for twenty (H2 rewrites the path
 * of every index it touched), so a short wait makes the batches larger and the commits fewer. A batch that fails is
 * written again record by record, so only the deliveries whose records cannot be written fail (and are
 * redelivered). {@code batches} records how many deliveries each commit carried.
 */
public final class DeliveryRecords implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecords.class);
    private static final int MAX_BATCH = 256;

    private final DeliveryLedger ledger;
    private final DisclosureLog disclosures;
    private final TransactionOperations transactions;
    private final Duration timeout;
    private final long lingerNanos;
    private final DistributionSummary batches;
    private final BlockingQueue<Entry> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    public DeliveryRecords(DeliveryLedger ledger, DisclosureLog disclosures, TransactionOperations transactions, Duration timeout,
                           Duration linger, DistributionSummary batches) {
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("werkbridge.delivery.records-linger must be between 0 and 1 s, was " + linger);
        }
        this.ledger = ledger;
        this.disclosures = disclosures;
        this.transactions = transactions;
        this.timeout = timeout;
        this.lingerNanos = linger.toNanos();
        this.batches = batches;
        this.writer = new Thread(this::run, "delivery-records");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Records a delivery (ledger row when {@code queue} and {@code messageId} are given) and its disclosure (when
     * given), and returns once both are committed.
     *
     * @throws DeliveryRecordException if they could not be written; neither is then in the database
     */
    public void record(FlowQueue queue, String messageId, Instant at, PendingDisclosure disclosure) {
        if (!open) {
            throw new DeliveryRecordException("the hub is shutting down: the delivery records cannot be written", null);
        }
        Entry entry = new Entry(queue, messageId, at, disclosure == null ? null : disclosure.recordAt(at), new CompletableFuture<>());
        waiting.add(entry);
        try {
            entry.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DeliveryRecordException("the delivery and disclosure records could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new DeliveryRecordException("the delivery and disclosure records were not written within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryRecordException("interrupted while the delivery records were written", e);
        }
        if (disclosure != null) {
            disclosure.recorded();
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        while (open || !waiting.isEmpty()) {
            try {
                Entry first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                batches.record(batch.size());
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what arrives within the linger after the first record, up to a full batch. */
    private void gather(List<Entry> batch) throws InterruptedException {
        waiting.drainTo(batch, MAX_BATCH - batch.size());
        long deadline = System.nanoTime() + lingerNanos;
        long left = lingerNanos;
        while (left > 0 && batch.size() < MAX_BATCH) {
            Entry next = waiting.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, MAX_BATCH - batch.size());
            left = deadline - System.nanoTime();
        }
    }

    private void write(List<Entry> batch) {
        try {
            commit(batch);
            batch.forEach(e -> e.done().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            LOG.warn("a batch of {} delivery records failed ({}); writing them one by one", batch.size(),
                    batchFailed.getClass().getSimpleName());
            for (Entry entry : batch) {
                try {
                    commit(List.of(entry));
                    entry.done().complete(null);
                } catch (RuntimeException failed) {
                    entry.done().completeExceptionally(failed);
                }
            }
        }
    }

    private void commit(List<Entry> entries) {
        transactions.executeWithoutResult(status -> {
            List<DisclosureRecord> records = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                if (e.queue() != null && e.messageId() != null) {
                    ledger.record(e.queue(), e.messageId(), e.at());
                }
                if (e.disclosure() != null) {
                    records.add(e.disclosure());
                }
            }
            if (!records.isEmpty()) {
                disclosures.appendAll(records);
            }
        });
    }

    /** Stops taking records; what is waiting is still written. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(timeout.toMillis());
    }

    private record Entry(FlowQueue queue, String messageId, Instant at, DisclosureRecord disclosure,
                         CompletableFuture<Void> done) {
    }
}
