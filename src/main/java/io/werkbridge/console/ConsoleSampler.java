package io.werkbridge.console;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the console's time series on a thread of its own (not a bean the hub's @Scheduled jobs could pick up as
 * their scheduler), from start to stop of the context.
 */
final class ConsoleSampler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSampler.class);

    private final ConsoleSeries series;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ConsoleSampler(ConsoleSeries series, Duration interval) {
        this.series = series;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "console-series");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            series.sample();
        } catch (RuntimeException e) {
            // one failed sample leaves a gap in the charts; the next one is tried on time
            LOG.warn("console time series: sample failed ({})", e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
