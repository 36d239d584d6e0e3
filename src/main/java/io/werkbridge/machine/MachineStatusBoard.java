package io.werkbridge.machine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hub saw of each machine since it started: events published, input rejected, values no rule maps, and
 * the signals the protocols give about the connection (OPC UA heartbeats, MTConnect poll results). Counts and
 * times only; no values.
 */
public final class MachineStatusBoard {

    private final Clock clock;
    private final Map<String, Counters> machines = new ConcurrentHashMap<>();

    public MachineStatusBoard(Clock clock) {
        this.clock = clock;
    }

    /** A canonical event of the machine went onto the flow's topic. */
    public void published(String machineId) {
        if (machineId != null) {
            Counters c = of(machineId);
            c.events.incrementAndGet();
            c.lastEventAt = clock.instant();
        }
    }

    /** Input of the machine was parked on the dead-letter queue. */
    public void rejected(String machineId) {
        if (machineId != null) {
            of(machineId).rejected.incrementAndGet();
        }
    }

    /** Values the machine sent that no mapping rule takes. */
    public void unmapped(String machineId, int count) {
        if (count > 0) {
            of(machineId).unmapped.addAndGet(count);
        }
    }

    /** The machine's server answered (OPC UA: its CurrentTime changed). */
    public void heartbeat(String machineId) {
        of(machineId).lastContactAt = clock.instant();
    }

    /** A request to the machine succeeded (MTConnect: a poll). */
    public void contact(String machineId) {
        Counters c = of(machineId);
        c.lastContactAt = clock.instant();
        c.failing = false;
    }

    /** A request to the machine failed; {@code reason} names what failed, never data. */
    public void connectionFailed(String machineId, String reason) {
        Counters c = of(machineId);
        c.connectionErrors.incrementAndGet();
        c.failing = true;
        c.lastError = reason;
        c.lastErrorAt = clock.instant();
    }

    /**
     * The machine answered, but not with data (Modbus: an exception response); unlike {@link #connectionFailed} the
     * machine stays connected. {@code reason} names what failed, never data.
     */
    public void error(String machineId, String reason) {
        Counters c = of(machineId);
        c.lastError = reason;
        c.lastErrorAt = clock.instant();
    }

    /** A reset of the machine's source sequence (MTConnect: new agent instance, lost observations). */
    public void resynchronised(String machineId) {
        of(machineId).resyncs.incrementAndGet();
    }

    public Snapshot snapshot(String machineId) {
        Counters c = of(machineId);
        return new Snapshot(c.events.get(), c.rejected.get(), c.unmapped.get(), c.connectionErrors.get(), c.resyncs.get(),
                c.lastEventAt, c.lastContactAt, c.failing, c.lastError, c.lastErrorAt);
    }

    private Counters of(String machineId) {
        return machines.computeIfAbsent(machineId, id -> new Counters());
    }

    /** The counters of one machine at one moment. */
    public record Snapshot(long events, long rejected, long unmapped, long connectionErrors, long resyncs,
                           Instant lastEventAt, Instant lastContactAt, boolean failing, String lastError,
                           Instant lastErrorAt) {
    }

    private static final class Counters {
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong unmapped = new AtomicLong();
        private final AtomicLong connectionErrors = new AtomicLong();
        private final AtomicLong resyncs = new AtomicLong();
        private volatile Instant lastEventAt;
        private volatile Instant lastContactAt;
        private volatile boolean failing;
        private volatile String lastError;
        private volatile Instant lastErrorAt;
    }
}
