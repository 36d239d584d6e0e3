package io.werkbridge.connector.serial;

import java.util.concurrent.TimeUnit;

/**
 * Software flow control ({@code flowControl=xonxoff}), done by the connector rather than the driver, so that it works
 * the same on every port and the hub sees the partner's XON as a start signal (NC program transfer). The reader takes
 * DC1 (XON) and DC3 (XOFF) out of what it reads ({@link #filter}); writers wait while the partner said XOFF.
 */
final class XonXoffGate {

    static final byte XON = 0x11;
    static final byte XOFF = 0x13;

    private boolean paused;
    private long xons;
    private long generation;

    /** Removes DC1 and DC3 from {@code data[0, length)} in place, following them; returns the bytes left. */
    int filter(byte[] data, int length) {
        int kept = 0;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == XON) {
                signal(false);
            } else if (b == XOFF) {
                signal(true);
            } else {
                data[kept++] = b;
            }
        }
        return kept;
    }

    private synchronized void signal(boolean pause) {
        paused = pause;
        if (!pause) {
            xons++;
        }
        notifyAll();
    }

    /** A new connection starts unpaused; waiting writers wake and see the port changed. */
    synchronized void reset() {
        paused = false;
        generation++;
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    synchronized long xons() {
        return xons;
    }

    /**
     * Waits until the partner is not pausing; returns false if it still pauses at {@code deadlineNanos}
     * ({@link System#nanoTime()}) or the connection was reset meanwhile.
     */
    synchronized boolean awaitResumed(long deadlineNanos) throws InterruptedException {
        long start = generation;
        while (paused && generation == start) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return generation == start;
    }

    /** Waits for an XON after the {@code seen}-th one; false at the deadline or if the connection was reset. */
    synchronized boolean awaitXonAfter(long seen, long deadlineNanos) throws InterruptedException {
        long start = generation;
        while (xons <= seen && generation == start) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return xons > seen;
    }
}
