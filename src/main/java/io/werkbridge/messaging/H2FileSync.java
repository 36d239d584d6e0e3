package io.werkbridge.messaging;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the embedded H2 database (a file) only: forces the database file to disk every {@code interval}. H2 writes
 * each commit to its file but never syncs it, so the kernel holds up to 30 s of these writes (16 MB/s at 650
 * messages/s: H2 writes every index page a commit touched again) and then writes them back in one burst. While it
 * does, every disk sync on the machine waits, among them the broker journal's, on which each accepted message waits:
 * the SOAP answers stalled for up to half a second every 30 s (docs/benchmarks.md). Synced every second, each
 * write-back is small. It also bounds what a crash of the machine (not only of the process) can take from H2 to
 * about one interval.
 */
public final class H2FileSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileSync.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService timer;

    /** @param interval above zero ({@link DatabaseProperties} refuses a negative one; zero means no bean at all) */
    public H2FileSync(JdbcTemplate jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-file-sync");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sync, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forces H2's file to disk ({@code CHECKPOINT SYNC}); a failure is logged, and the next interval tries again. */
    void sync() {
        try {
            jdbc.execute("CHECKPOINT SYNC");
        } catch (DataAccessException e) {
            LOG.warn("the H2 database file could not be forced to disk; trying again in the next interval", e);
        }
    }

    /**
     * Stops the syncs, letting one in progress finish: an interrupt during H2's file I/O would close its file
     * channel, and with it the database.
     */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("the last sync of the H2 file did not finish within 10 s");
        }
    }

    /**
     * Matches when the hub's database is H2 kept in a file (in-memory H2 and other databases need no sync) and
     * the interval ({@link DatabaseProperties#h2SyncInterval()}) is not 0. A condition runs before any bean exists,
     * so it binds the record itself: the default stays written once, in the record.
     */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "").toLowerCase(Locale.ROOT);
            Duration interval = Binder.get(context.getEnvironment())
                    .bindOrCreate(DatabaseProperties.PREFIX, DatabaseProperties.class).h2SyncInterval();
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !interval.isZero();
        }
    }
}
