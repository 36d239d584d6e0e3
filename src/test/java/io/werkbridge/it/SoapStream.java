package io.werkbridge.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A paced stream of customer updates into hubs' SOAP edges, as an ERP sends them: each customer's updates in order
 * (update n+1 only after n was acknowledged), several customers at once, a post that gets no acknowledgement
 * retried until one does (a hub may be down or stopping). Records every acknowledged message id.
 */
final class SoapStream implements AutoCloseable {

    /** An acknowledged update. */
    record Accepted(String messageId, String customer, int sequence) {
    }

    private final List<String> customers;
    private final int updatesPerCustomer;
    private final IntSupplier port;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService posters;
    private final Semaphore permits = new Semaphore(0);
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final Map<String, Integer> progress = new ConcurrentHashMap<>();
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * @param port        the SOAP port to post the next request to (may change, e.g. when a hub is drained)
     * @param perSecond   posts per second over all customers
     */
    SoapStream(List<String> customers, int updatesPerCustomer, int threads, int perSecond, IntSupplier port) {
        this.customers = List.copyOf(customers);
        this.updatesPerCustomer = updatesPerCustomer;
        this.port = port;
        this.posters = Executors.newFixedThreadPool(threads);
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(() -> permits.release(), periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        for (int t = 0; t < threads; t++) {
            List<String> mine = new ArrayList<>();
            for (int c = t; c < customers.size(); c += threads) {
                mine.add(customers.get(c));
            }
            running.add(posters.submit(() -> post(mine)));
        }
    }

    private void post(List<String> mine) {
        for (int sequence = 0; sequence < updatesPerCustomer; sequence++) {
            for (String customer : mine) {
                String xml = SoapClient.update(customer, sequence);
                permits.acquireUninterruptibly();
                Optional<String> ack = SoapClient.publish(port.getAsInt(), xml);
                if (ack.isEmpty()) {
                    unacknowledged.incrementAndGet();
                }
                while (ack.isEmpty()) {
                    permits.acquireUninterruptibly();
                    ack = SoapClient.publish(port.getAsInt(), xml);
                }
                accepted.add(new Accepted(ack.get(), customer, sequence));
                progress.put(customer, sequence);
            }
        }
    }

    int total() {
        return customers.size() * updatesPerCustomer;
    }

    boolean done() {
        return running.stream().allMatch(Future::isDone);
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Updates whose first post got no acknowledgement (they were retried); each may have been published before. */
    int unacknowledged() {
        return unacknowledged.get();
    }

    /** Rethrows what a poster thread failed with. */
    void check() throws Exception {
        for (Future<?> f : running) {
            if (f.isDone()) {
                f.get();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        posters.shutdownNow();
    }
}
