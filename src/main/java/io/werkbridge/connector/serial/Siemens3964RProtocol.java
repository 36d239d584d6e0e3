package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.FrameListener;
import io.werkbridge.connector.serial.codec.Procedure3964R;
import io.werkbridge.connector.serial.codec.Settings3964R;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Procedure3964R} on a port. The reader thread feeds it bytes and clock ticks; a
 * producer thread submits a payload and waits for the partner's acknowledgement. One lock guards
 * the procedure, so a send starts at once (its STX goes out on the producer's thread) instead of
 * waiting for the next read timeout. Received frames are handed to the listener after the lock is
 * released, so slow route processing never delays a handshake answer already decided. Timeouts
 * are checked after every read, so their resolution is the idle read timeout (100 ms): a 220 ms
 * character timeout fires after 220 to about 320 ms.
 */
final class Siemens3964RProtocol implements LinkProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(Siemens3964RProtocol.class);
    private static final long OUTCOME_SLACK_MILLIS = 5000;

    private final String portName;
    private final Settings3964R settings;
    private final LineWriter writer;
    private final FrameListener events;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Procedure3964R procedure;
    private final List<byte[]> received = new ArrayList<>();
    private boolean connected;

    Siemens3964RProtocol(String portName, Settings3964R settings, LineWriter writer, FrameListener events,
                         LongSupplier clock) {
        this.portName = Objects.requireNonNull(portName, "portName");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.procedure = new Procedure3964R(this::transmit, new ReceivedFrames(), settings);
    }

    @Override
    public int readTimeoutMillis() {
        // Every answer is data-driven and wakes the reader at once; only the QVZ (2 s) and ZVZ
        // (220 ms) timeouts need the tick, and 100 ms resolution is enough for them. Shorter
        // reads would mean polling the port, which starves other threads on a loaded machine.
        return Protocols.IDLE_READ_TIMEOUT_MILLIS;
    }

    @Override
    public void onConnected(long nanoTime) {
        lock.lock();
        try {
            connected = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onBytes(byte[] data, int offset, int length, long nanoTime) {
        List<byte[]> frames;
        lock.lock();
        try {
            procedure.onBytes(data, offset, length, nanoTime);
            procedure.onTick(nanoTime);
            frames = takeReceived();
        } finally {
            lock.unlock();
        }
        frames.forEach(events::onFrame);
    }

    @Override
    public void onIdle(long nanoTime) {
        lock.lock();
        try {
            procedure.onTick(nanoTime);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onDisconnected(String reason) {
        lock.lock();
        try {
            connected = false;
            procedure.reset("3964R send on " + portName + " abandoned: " + reason);
            received.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void send(byte[] payload) throws IOException {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        int ahead;
        lock.lock();
        try {
            if (!connected) {
                throw new SerialTransmissionException("serial port " + portName
                        + " is not connected; the connector keeps trying to reopen it");
            }
            ahead = procedure.pendingSends();
            procedure.submit(payload, new Procedure3964R.SendCallback() {
                @Override
                public void succeeded() {
                    outcome.complete(null);
                }

                @Override
                public void failed(String reason) {
                    outcome.completeExceptionally(new SerialTransmissionException(reason + " (port " + portName + ")"));
                }
            }, clock.getAsLong());
        } finally {
            lock.unlock();
        }
        await(outcome, ahead);
    }

    /**
     * Waits for the procedure's verdict. The procedure always reaches one through its own
     * timeouts while the port is open, and fails pending sends when it closes; the bound here only
     * guards against a stalled reader thread.
     */
    private void await(CompletableFuture<Void> outcome, int ahead) throws IOException {
        long perSend = settings.ackTimeout().toMillis() * (settings.connectAttempts() + 1L) * settings.transmitAttempts();
        long bound = perSend * (ahead + 1L) + OUTCOME_SLACK_MILLIS;
        try {
            outcome.get(bound, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SerialTransmissionException failure) {
                throw new SerialTransmissionException(failure.getMessage(), failure);
            }
            throw new SerialTransmissionException("3964R send on " + portName + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SerialTransmissionException("3964R send on " + portName + " got no outcome within " + bound
                    + " ms; the reader thread may be blocked by slow route processing", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialTransmissionException("interrupted while waiting for the 3964R acknowledgement on "
                    + portName, e);
        }
    }

    private List<byte[]> takeReceived() {
        if (received.isEmpty()) {
            return List.of();
        }
        List<byte[]> frames = new ArrayList<>(received);
        received.clear();
        return frames;
    }

    /** Called by the procedure with the lock held. */
    private void transmit(byte[] bytes) {
        try {
            writer.write(bytes);
        } catch (IOException e) {
            // the connection records the failure and reopens the port; the procedure's
            // timeout or the reset on disconnect then settles any send in progress
            LOG.debug("3964R write on {} failed: {}", portName, e.getMessage());
        }
    }

    /** Holds frames until the lock is released; passes counts straight on. Called with the lock held. */
    private final class ReceivedFrames implements FrameListener {

        @Override
        public void onFrame(byte[] payload) {
            received.add(payload);
        }

        @Override
        public void onGarbage(int byteCount) {
            events.onGarbage(byteCount);
        }

        @Override
        public void onChecksumError() {
            events.onChecksumError();
        }

        @Override
        public void onOversizeFrame() {
            events.onOversizeFrame();
        }
    }
}
