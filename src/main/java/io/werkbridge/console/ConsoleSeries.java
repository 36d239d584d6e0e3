package io.werkbridge.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.werkbridge.privacy.policy.ActionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small time series of the hub's own meters for the console's charts, so they work without Prometheus. Every
 * sample turns counters into per-interval values (messages per second per flow, gate decisions and holds per
 * interval) and the latency histograms into that interval's p50/p99 per destination. Memory is bounded: at most
 * {@code capacity} samples are kept (the oldest is dropped), and series keys come from meter labels, which are
 * configuration ids (flows, destinations, policy categories), never message content.
 */
public final class ConsoleSeries {

    static final String RECEIVED = "werkbridge.messages.received";
    static final String DELIVERED = "werkbridge.messages.delivered";
    static final String HELD = "werkbridge.messages.held";
    static final String LATENCY = "werkbridge.delivery.latency";
    static final String DECISIONS = "werkbridge.privacy.decisions";

    /** One sample: when it was taken and each series' value over the interval before it. */
    public record Sample(Instant at, Map<String, Double> values) {
    }

    /**
     * Samples in time order; {@code series} names every key that occurs in any of them.
     *
     * @param capacity how many samples the hub keeps (the window), so a client that adds up later windows keeps as many
     */
    public record Window(long intervalSeconds, int capacity, List<Instant> times, Map<String, List<Double>> series) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final int capacity;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final Map<String, Double> lastCounts = new HashMap<>();
    private final Map<String, double[]> lastBuckets = new HashMap<>();
    private Instant lastAt;
    private final Duration interval;

    public ConsoleSeries(MeterRegistry registry, Clock clock, Duration interval, Duration window) {
        this.registry = registry;
        this.clock = clock;
        this.interval = interval;
        this.capacity = (int) Math.max(1, window.toMillis() / interval.toMillis());
    }

    /** Reads the meters once; the first call only sets the baseline for the next. */
    public synchronized void sample() {
        Instant now = clock.instant();
        double seconds = lastAt == null ? 0 : Math.max(0.001, Duration.between(lastAt, now).toMillis() / 1000.0);
        Map<String, Double> values = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (meter instanceof Counter counter) {
                String key = counterKey(name, meter);
                if (key != null) {
                    double count = counter.count();
                    Double before = lastCounts.put(key, count);
                    double delta = Math.max(0, count - (before == null ? 0 : before));
                    if (lastAt != null) {
                        values.merge(key, key.startsWith("rate|") ? delta / seconds : delta, Double::sum);
                    }
                }
            } else if (meter instanceof Timer timer && LATENCY.equals(name)) {
                latency(timer, values);
            }
        }
        if (lastAt != null) {
            samples.addLast(new Sample(now, values));
            while (samples.size() > capacity) {
                samples.removeFirst();
            }
        }
        lastAt = now;
    }

    private static String counterKey(String name, Meter meter) {
        String flow = meter.getId().getTag("flow");
        String destination = meter.getId().getTag("destination");
        return switch (name) {
            case RECEIVED -> "rate|" + flow;
            case DELIVERED -> "delivered|" + flow + "/" + destination;
            case HELD -> "held|" + flow + "/" + destination;
            case DECISIONS -> "decision|" + destination + "|" + meter.getId().getTag("category") + "|"
                    + outcome(meter.getId().getTag("action"));
            default -> null;
        };
    }

    /** The gate's actions as a DPO reads them: sent as is, masked in some way, or dropped. */
    static String outcome(String action) {
        if (ActionType.ALLOW.id().equals(action)) {
            return "sent";
        }
        return ActionType.DROP.id().equals(action) ? "dropped" : "masked";
    }

    /**
     * p50/p99 of the deliveries recorded since the last sample: the difference of two readings of the timer's
     * histogram, which the hub's Prometheus registry keeps cumulative (a registry with rolling histograms would give
     * wrong differences; negative ones are taken as none).
     */
    private void latency(Timer timer, Map<String, Double> values) {
        String key = timer.getId().getTag("flow") + "/" + timer.getId().getTag("destination");
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        double[] counts = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].count();
        }
        double[] before = lastBuckets.put(key, counts);
        if (lastAt == null || buckets.length == 0) {
            return;
        }
        double[] delta = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            delta[i] = Math.max(0, counts[i] - (before == null || before.length != counts.length ? 0 : before[i]));
        }
        double total = delta[delta.length - 1];
        if (total <= 0) {
            return;
        }
        values.put("p50|" + key, upperBoundMillis(buckets, delta, total * 0.5));
        values.put("p99|" + key, upperBoundMillis(buckets, delta, total * 0.99));
    }

    /** The upper bound of the first bucket whose cumulative count reaches {@code rank}: a percentile to bucket precision. */
    private static double upperBoundMillis(CountAtBucket[] buckets, double[] cumulative, double rank) {
        for (int i = 0; i < buckets.length; i++) {
            if (cumulative[i] >= rank) {
                return buckets[i].bucket(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return buckets[buckets.length - 1].bucket(java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The kept samples; a series missing from a sample counts 0 there (nothing happened in that interval). */
    public Window window() {
        return window(null);
    }

    /** The kept samples taken after {@code after} (all when null): a client that has the rest asks only for these. */
    public synchronized Window window(Instant after) {
        List<Sample> kept = samples.stream().filter(s -> after == null || s.at().isAfter(after)).toList();
        List<Instant> times = new ArrayList<>(kept.size());
        Set<String> keys = new LinkedHashSet<>();
        for (Sample s : kept) {
            times.add(s.at());
            keys.addAll(s.values().keySet());
        }
        Map<String, List<Double>> series = new TreeMap<>();
        for (String key : keys) {
            boolean gauge = key.startsWith("p50|") || key.startsWith("p99|");
            List<Double> column = new ArrayList<>(kept.size());
            for (Sample s : kept) {
                column.add(s.values().getOrDefault(key, gauge ? null : 0.0));
            }
            series.put(key, column);
        }
        return new Window(interval.toSeconds(), capacity, times, series);
    }

    /** The latest value of a series, 0 when it has none yet. */
    public synchronized double latest(String key) {
        Sample last = samples.peekLast();
        return last == null ? 0 : last.values().getOrDefault(key, 0.0);
    }
}
