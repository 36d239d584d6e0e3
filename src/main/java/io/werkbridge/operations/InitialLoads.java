package io.werkbridge.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of the initial loads of this hub (an inbox file of IDocs, the S/4 connector's paged load): count, rate
 * and, where the size of the whole is known, the share done and an estimated time left. Shown at
 * {@code GET /api/v1/operations/initial-loads} and logged every {@link #LOG_EVERY} while a load runs. A load is named by
 * its source and a subject that carries no personal data (a file by the hash of its name, never the name itself).
 * Kept in memory: the last {@link #KEPT} loads of this process; the connectors keep their own checkpoints for resuming.
 */
public final class InitialLoads {

    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    static final int KEPT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(InitialLoads.class);

    /** What a load is doing. */
    public enum State { RUNNING, DONE, FAILED, INTERRUPTED }

    /**
     * One load as the operator sees it.
     *
     * @param items         records queued so far (customers, partners)
     * @param skipped       records already queued by an earlier run of the same load (resumed after a restart)
     * @param refused       records refused (each with its reason in the connector's reason file or log)
     * @param itemsPerSecond records queued per second since the load started in this process
     * @param percentDone   share of the whole done (a file: bytes read), null when the whole is unknown (a paged API)
     * @param secondsLeft   estimated seconds to the end at the rate so far, null when unknown
     * @param note          why it failed or stopped (a rule or an exception type, never a value), else null
     */
    public record InitialLoad(String id, String source, String subject, State state, long items, long skipped,
                              long refused, double itemsPerSecond, Double percentDone, Long secondsLeft,
                              Instant startedAt, Instant updatedAt, String note) {
    }

    private final Clock clock;
    private final Map<String, Progress> loads = new LinkedHashMap<>();

    public InitialLoads(Clock clock) {
        this.clock = clock;
    }

    /** Starts tracking a load. {@code subject} is shown and logged as it is: it must not hold personal data. */
    public synchronized Progress start(String source, String subject) {
        Progress progress = new Progress(UUID.randomUUID().toString(), source, subject, clock.instant());
        loads.put(progress.id, progress);
        for (Iterator<Progress> oldest = loads.values().iterator(); loads.size() > KEPT && oldest.hasNext(); ) {
            if (oldest.next().state != State.RUNNING) {
                oldest.remove();
            }
        }
        LOG.info("Initial load {} ({} {}) started", progress.id, source, subject);
        return progress;
    }

    /** The loads of this process, newest first. */
    public synchronized List<InitialLoad> all() {
        List<InitialLoad> out = new ArrayList<>();
        loads.values().forEach(p -> out.add(0, p.view()));
        return out;
    }

    /** One load's progress; its connector moves it on. */
    public final class Progress {
        private final String id;
        private final String source;
        private final String subject;
        private final Instant startedAt;
        private State state = State.RUNNING;
        private long items;
        private long skipped;
        private long refused;
        private double fraction = Double.NaN;
        private Instant updatedAt;
        private Instant loggedAt;
        private String note;

        private Progress(String id, String source, String subject, Instant startedAt) {
            this.id = id;
            this.source = source;
            this.subject = subject;
            this.startedAt = startedAt;
            this.updatedAt = startedAt;
            this.loggedAt = startedAt;
        }

        public String id() {
            return id;
        }

        /**
         * @param queued   records queued so far in this run
         * @param skipped  records passed over as queued by an earlier run
         * @param refused  records refused so far
         * @param fraction share of the whole done (0..1), or NaN when the whole is unknown
         */
        public void update(long queued, long skipped, long refused, double fraction) {
            InitialLoad view;
            synchronized (InitialLoads.this) {
                this.items = queued;
                this.skipped = skipped;
                this.refused = refused;
                this.fraction = fraction;
                this.updatedAt = clock.instant();
                if (Duration.between(loggedAt, updatedAt).compareTo(LOG_EVERY) < 0) {
                    return;
                }
                loggedAt = updatedAt;
                view = view();
            }
            log(view);
        }

        public void done() {
            finish(State.DONE, null);
        }

        /** @param note why, without personal data: a rule broken or an exception type */
        public void failed(String note) {
            finish(State.FAILED, note);
        }

        /** The hub stopped during the load; the connector resumes it from its checkpoint. */
        public void interrupted(String note) {
            finish(State.INTERRUPTED, note);
        }

        private void finish(State end, String why) {
            InitialLoad view;
            synchronized (InitialLoads.this) {
                state = end;
                note = why;
                updatedAt = clock.instant();
                if (end == State.DONE) {
                    fraction = Double.isNaN(fraction) ? Double.NaN : 1.0;
                }
                view = view();
            }
            log(view);
        }

        private InitialLoad view() {
            double seconds = Math.max(0.001, Duration.between(startedAt, updatedAt).toMillis() / 1000.0);
            Double percent = Double.isNaN(fraction) ? null : Math.round(fraction * 1000) / 10.0;
            Long left = null;
            if (state == State.RUNNING && !Double.isNaN(fraction) && fraction > 0) {
                left = Math.round(seconds * (1 - fraction) / fraction);
            }
            return new InitialLoad(id, source, subject, state, items, skipped, refused,
                    Math.round(items / seconds * 10) / 10.0, percent, left, startedAt, updatedAt, note);
        }
    }

    private static void log(InitialLoad load) {
        String share = load.percentDone() == null ? "" : ", " + load.percentDone() + " % done";
        String eta = load.secondsLeft() == null ? "" : ", about " + load.secondsLeft() + " s left";
        String extra = (load.skipped() > 0 ? ", " + load.skipped() + " queued before a restart" : "")
                + (load.refused() > 0 ? ", " + load.refused() + " refused" : "")
                + (load.note() == null ? "" : " (" + load.note() + ")");
        LOG.info("Initial load {} ({} {}) {}: {} queued, {}/s{}{}{}", load.id(), load.source(), load.subject(),
                load.state().name().toLowerCase(java.util.Locale.ROOT), load.items(), load.itemsPerSecond(), share, eta, extra);
    }
}
