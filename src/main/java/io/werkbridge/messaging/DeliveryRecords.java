package io.werkbridge.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.PendingDisclosure;
import io.werkbridge.storage.GroupCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes what a delivery leaves behind, the delivery ledger row and the disclosure record, with group commit
 * ({@link GroupCommit}): the delivering thread hands its records to one writer and waits until they are committed;
 * the writer commits everything that is waiting in one transaction (one lock of the disclosure chain, one JDBC batch
 * per table, one commit). A batch that fails is written again record by record, so only the deliveries whose records
 * cannot be written fail (and are redelivered). {@code batches} records how many deliveries each commit carried.
 */
public final class DeliveryRecords implements AutoCloseable {

    private static final int MAX_BATCH = 256;

    private final GroupCommit<Entry> commits;

    public DeliveryRecords(DeliveryLedger ledger, DisclosureLog disclosures, TransactionOperations transactions, Duration timeout,
                           Duration linger, DistributionSummary batches) {
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("werkbridge.delivery.records-linger must be between 0 and 1 s, was " + linger);
        }
        this.commits = new GroupCommit<>("delivery-records", "the delivery and disclosure records",
                entries -> write(ledger, disclosures, entries), transactions, timeout, linger, MAX_BATCH, batches::record);
    }

    /**
     * Records a delivery (ledger row when {@code queue} and {@code messageId} are given) and its disclosure (when
     * given), and returns once both are committed.
     *
     * @throws DeliveryRecordException if they could not be written; neither is then in the database
     */
    public void record(FlowQueue queue, String messageId, Instant at, PendingDisclosure disclosure) {
        try {
            commits.submit(new Entry(queue, messageId, at, disclosure == null ? null : disclosure.recordAt(at)));
        } catch (GroupCommit.Failed e) {
            throw new DeliveryRecordException(e.getMessage(), e.getCause());
        }
        if (disclosure != null) {
            disclosure.recorded();
        }
    }

    private static void write(DeliveryLedger ledger, DisclosureLog disclosures, List<Entry> entries) {
        List<DeliveryLedger.Delivery> deliveries = new ArrayList<>(entries.size());
        List<DisclosureRecord> records = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.queue() != null && e.messageId() != null) {
                deliveries.add(new DeliveryLedger.Delivery(e.queue(), e.messageId(), e.at()));
            }
            if (e.disclosure() != null) {
                records.add(e.disclosure());
            }
        }
        if (deliveries.size() == 1) {
            // alone (also a failed batch written again record by record): a row that another hub wrote meanwhile is
            // no failure of this delivery
            DeliveryLedger.Delivery d = deliveries.get(0);
            ledger.record(d.queue(), d.messageId(), d.deliveredAt());
        } else if (!deliveries.isEmpty()) {
            ledger.recordAll(deliveries);
        }
        if (!records.isEmpty()) {
            disclosures.appendAll(records);
        }
    }

    /** Stops taking records; what is waiting is still written. */
    @Override
    public void close() throws InterruptedException {
        commits.close();
    }

    private record Entry(FlowQueue queue, String messageId, Instant at, DisclosureRecord disclosure) {
    }
}
