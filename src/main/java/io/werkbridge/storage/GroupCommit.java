package io.werkbridge.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: many threads each hand a row to one writer and wait until it is committed; the writer commits
 * everything that is waiting in one transaction, so the database is asked for one commit per batch instead of one per
 * row. Once a row arrives, the writer gathers for up to {@code linger} before it commits: a commit costs about the same
 * for one row as for twenty (H2 rewrites the path of every index it touched, PostgreSQL syncs its log), so a short
 * wait makes the batches larger and the commits fewer. A batch that fails is written again row by row, so only the
 * rows that cannot be written fail their callers.
 *
 * @param <T> what one caller hands over
 */
public final class GroupCommit<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** The rows could not be committed: the message says what and why, without a value; the cause is the database's. */
    public static final class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String what;
    private final Consumer<List<T>> write;
    private final TransactionOperations transactions;
    private final Duration timeout;
    private final long lingerNanos;
    private final int maxBatch;
    private final IntConsumer batchSizes;
    private final BlockingQueue<Entry<T>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    /**
     * @param what       what the rows are, for messages ("the delivery and disclosure records")
     * @param write      writes a batch; called inside the transaction that commits it
     * @param linger     0 to 1 s
     * @param batchSizes told how many rows each commit carried
     */
    public GroupCommit(String thread, String what, Consumer<List<T>> write, TransactionOperations transactions,
                       Duration timeout, Duration linger, int maxBatch, IntConsumer batchSizes) {
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the linger of " + what + " must be between 0 and 1 s, was " + linger);
        }
        this.what = what;
        this.write = write;
        this.transactions = transactions;
        this.timeout = timeout;
        this.lingerNanos = linger.toNanos();
        this.maxBatch = maxBatch;
        this.batchSizes = batchSizes;
        this.writer = new Thread(this::run, thread);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Hands over a row and returns once it is committed.
     *
     * @throws Failed if it could not be written; it is then not in the database
     */
    public void submit(T row) {
        requireOpen();
        Entry<T> entry = new Entry<>(row, new CompletableFuture<>());
        waiting.add(entry);
        await(entry.done());
    }

    /**
     * Hands over several rows at once (a bulk source's batch) and returns once all are committed: the caller waits for
     * one or a few commits, not one per row.
     *
     * @throws Failed if one could not be written; the others may be in the database
     */
    public void submitAll(List<T> rows) {
        requireOpen();
        CompletableFuture<?>[] done = new CompletableFuture<?>[rows.size()];
        for (int i = 0; i < done.length; i++) {
            Entry<T> entry = new Entry<>(rows.get(i), new CompletableFuture<>());
            done[i] = entry.done();
            waiting.add(entry);
        }
        await(CompletableFuture.allOf(done));
    }

    private void requireOpen() {
        if (!open) {
            throw new Failed("the hub is shutting down: " + what + " cannot be written", null);
        }
    }

    private void await(CompletableFuture<?> done) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Failed(what + " could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new Failed(what + " were not written within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while " + what + " were written", e);
        }
    }

    private void run() {
        List<Entry<T>> batch = new ArrayList<>(maxBatch);
        while (open || !waiting.isEmpty()) {
            try {
                Entry<T> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                batchSizes.accept(batch.size());
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what arrives within the linger after the first row, up to a full batch. */
    private void gather(List<Entry<T>> batch) throws InterruptedException {
        waiting.drainTo(batch, maxBatch - batch.size());
        long deadline = System.nanoTime() + lingerNanos;
        long left = lingerNanos;
        while (left > 0 && batch.size() < maxBatch) {
            Entry<T> next = waiting.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, maxBatch - batch.size());
            left = deadline - System.nanoTime();
        }
    }

    private void write(List<Entry<T>> batch) {
        try {
            commit(batch);
            batch.forEach(e -> e.done().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            LOG.warn("a batch of {} rows of {} failed ({}); writing them one by one", batch.size(), what,
                    batchFailed.getClass().getSimpleName());
            for (Entry<T> entry : batch) {
                try {
                    commit(List.of(entry));
                    entry.done().complete(null);
                } catch (RuntimeException failed) {
                    entry.done().completeExceptionally(failed);
                }
            }
        }
    }

    private void commit(List<Entry<T>> entries) {
        List<T> rows = new ArrayList<>(entries.size());
        entries.forEach(e -> rows.add(e.row()));
        transactions.executeWithoutResult(status -> write.accept(rows));
    }

    /** Stops taking rows; what is waiting is still written. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(timeout.toMillis());
    }

    private record Entry<T>(T row, CompletableFuture<Void> done) {
    }
}
