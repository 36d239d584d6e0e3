package io.werkbridge.connector.serial;

import java.util.concurrent.atomic.AtomicLong;

/** The live, thread-safe counters behind {@link SerialStatistics}. */
final class SerialCounters {

    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong garbageBytes = new AtomicLong();
    private final AtomicLong checksumErrors = new AtomicLong();
    private final AtomicLong oversizeFrames = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();

    void frameIn() {
        framesIn.incrementAndGet();
    }

    void frameOut() {
        framesOut.incrementAndGet();
    }

    void garbage(int bytes) {
        garbageBytes.addAndGet(bytes);
    }

    void checksumError() {
        checksumErrors.incrementAndGet();
    }

    void oversizeFrame() {
        oversizeFrames.incrementAndGet();
    }

    void reconnect() {
        reconnects.incrementAndGet();
    }

    void sendFailure() {
        sendFailures.incrementAndGet();
    }

    SerialStatistics snapshot(boolean connected) {
        return new SerialStatistics(connected, framesIn.get(), framesOut.get(), garbageBytes.get(),
                checksumErrors.get(), oversizeFrames.get(), reconnects.get(), sendFailures.get());
    }
}
