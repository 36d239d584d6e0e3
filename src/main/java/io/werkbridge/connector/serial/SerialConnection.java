package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.FrameListener;
import io.werkbridge.connector.serial.codec.FrameRejection;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one port open for as long as it runs: opens it, reads it on one thread and feeds a
 * {@link LinkProtocol}, writes for producers, and when the port fails or disappears closes it and
 * reopens it with exponential back-off. State changes are logged with the port path and reason;
 * payload bytes never are. Bad input and failing frame handlers are counted or logged, never
 * allowed to end the reader.
 */
final class SerialConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SerialConnection.class);
    private static final int READ_BUFFER_SIZE = 4096;
    private static final long STALLED_WRITE_PAUSE_NANOS = 1_000_000L;
    private static final long STOP_WAIT_MILLIS = 5000;
    /**
     * With XON/XOFF, bytes written per call before the writer looks at the partner's XOFF again, paced to the line's
     * speed: so at most this many characters already written when the XOFF arrived, and at most this many still in
     * the driver, follow it (docs/serial.md).
     */
    static final int XONXOFF_CHUNK = 16;

    private final SerialSettings settings;
    private final SerialLinkFactory linkFactory;
    private final ReconnectBackoff backoff;
    private final Duration writeTimeout;
    private final SerialCounters counters;
    private final LongSupplier clock;
    private final LinkProtocol protocol;
    /** Software XON/XOFF, or null without it. */
    private final XonXoffGate flow;
    private final long characterNanos;
    private final Object writeLock = new Object();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);

    private volatile boolean running;
    private volatile SerialLink openLink;
    private volatile IOException writeFailure;
    private volatile Consumer<byte[]> frameHandler;
    private volatile Consumer<FrameRejection> rejectionHandler;
    private boolean reportedUnavailable;

    SerialConnection(SerialSettings settings, SerialLinkFactory linkFactory, ReconnectBackoff backoff,
                     Duration writeTimeout, SerialCounters counters, LongSupplier clock,
                     LinkProtocol.Factory protocolFactory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.linkFactory = Objects.requireNonNull(linkFactory, "linkFactory");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flow = settings.flowControl() == FlowControl.XONXOFF ? new XonXoffGate() : null;
        this.characterNanos = TimeUnit.SECONDS.toNanos(settings.bitsPerCharacter()) / settings.baudRate();
        this.protocol = protocolFactory.create(new PortWriter(), new Events());
        this.frameHandler = this::dropFrame;
    }

    /** Starts the reader on {@code executor}; it opens the port and keeps it open until {@link #stop()}. */
    void start(Executor executor) {
        running = true;
        executor.execute(this::run);
    }

    /** Stops the reader, closes the port and fails pending sends; waits a bounded time for the reader to end. */
    void stop() {
        running = false;
        stopRequested.countDown();
        try {
            if (!terminated.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Serial port {}: reader did not stop within {} ms", settings.path(), STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Serial port {}: interrupted while waiting for the reader to stop", settings.path());
        }
    }

    /** Where decoded frames go; {@code null} drops them (no consumer). */
    void setFrameHandler(Consumer<byte[]> handler) {
        this.frameHandler = handler == null ? this::dropFrame : handler;
    }

    /** Where frames refused whole go (NC programs); {@code null}: counted as checksum errors only. */
    void setRejectionHandler(Consumer<FrameRejection> handler) {
        this.rejectionHandler = handler;
    }

    boolean isConnected() {
        return openLink != null;
    }

    /** Whether the partner's last flow control character was XOFF (always false without XON/XOFF). */
    boolean pausedByPartner() {
        return flow != null && flow.paused();
    }

    /** Sends one payload, framed; counts it as out or as a send failure. */
    void send(byte[] payload) throws IOException {
        try {
            protocol.send(payload);
            counters.frameOut();
        } catch (IOException | RuntimeException e) {
            counters.sendFailure();
            throw e;
        }
    }

    private void run() {
        boolean everConnected = false;
        try {
            while (running) {
                SerialLink link = linkFactory.create(settings);
                String lostReason = "closed";
                try {
                    link.open();
                    if (everConnected) {
                        counters.reconnect();
                    }
                    everConnected = true;
                    backoff.reset();
                    connected(link);
                    readUntilFailure(link);
                } catch (IOException e) {
                    lostReason = e.getMessage();
                    if (running) {
                        logFailure(link, e);
                    }
                } catch (RuntimeException e) {
                    lostReason = e.toString();
                    LOG.error("Serial port {}: unexpected failure, closing and reopening the port", settings.path(), e);
                } finally {
                    disconnected(link, lostReason);
                }
                if (running) {
                    waitBeforeReconnect();
                }
            }
        } finally {
            LOG.info("Serial port {} closed", settings.path());
            terminated.countDown();
        }
    }

    private void connected(SerialLink link) {
        writeFailure = null;
        reportedUnavailable = false;
        if (flow != null) {
            flow.reset();
        }
        synchronized (writeLock) {
            openLink = link;
        }
        protocol.onConnected(clock.getAsLong());
        LOG.info("Serial port {} connected ({} baud, {} data bits, parity {}, {} stop bits, flow control {})",
                settings.path(), settings.baudRate(), settings.dataBits(), settings.parity().configName(),
                settings.stopBits(), settings.flowControl().configName());
    }

    private void disconnected(SerialLink link, String reason) {
        boolean wasConnected;
        synchronized (writeLock) {
            wasConnected = openLink == link;
            openLink = null;
        }
        if (flow != null) {
            flow.reset();
        }
        protocol.onDisconnected(reason);
        link.close();
        if (wasConnected && running) {
            reportedUnavailable = true;
            LOG.warn("Serial port {} lost: {}; reopening with back-off", settings.path(), reason);
        }
    }

    private void logFailure(SerialLink link, IOException e) {
        if (openLink == link) {
            return; // lost after being open: disconnected() logs it
        }
        if (reportedUnavailable) {
            LOG.debug("Serial port {} still unavailable: {}", settings.path(), e.getMessage());
        } else {
            reportedUnavailable = true;
            LOG.warn("Serial port {} unavailable: {}; retrying with back-off", settings.path(), e.getMessage());
        }
    }

    private void waitBeforeReconnect() {
        long delay = backoff.nextDelayMillis();
        LOG.debug("Serial port {}: next open attempt in {} ms", settings.path(), delay);
        try {
            stopRequested.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void readUntilFailure(SerialLink link) throws IOException {
        byte[] buffer = new byte[READ_BUFFER_SIZE];
        while (running) {
            IOException failedWrite = writeFailure;
            if (failedWrite != null) {
                throw failedWrite;
            }
            int read = link.read(buffer, protocol.readTimeoutMillis());
            long now = clock.getAsLong();
            if (read > 0 && flow != null) {
                read = flow.filter(buffer, read);
            }
            if (read > 0) {
                protocol.onBytes(buffer, 0, read, now);
            } else {
                protocol.onIdle(now);
            }
        }
    }

    /** Writes all bytes to the open port, looping over partial writes until the write timeout. */
    private void writeFully(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            SerialLink link = openLink;
            if (link == null) {
                throw new SerialTransmissionException("serial port " + settings.path()
                        + " is not connected; the connector keeps trying to reopen it");
            }
            try {
                writeAll(link, bytes);
            } catch (IOException e) {
                if (!pausedByPartner()) {
                    // a port that fails is reopened; a partner that holds the line with XOFF is no port failure
                    writeFailure = e;
                }
                throw e instanceof SerialTransmissionException ? e
                        : new SerialTransmissionException("write to serial port " + settings.path() + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private void writeAll(SerialLink link, byte[] bytes) throws IOException {
        if (flow != null) {
            writePaced(link, bytes);
            return;
        }
        long deadline = clock.getAsLong() + writeTimeout.toNanos();
        int offset = 0;
        while (offset < bytes.length) {
            int written = link.write(bytes, offset, bytes.length - offset);
            offset += written;
            if (offset < bytes.length) {
                if (clock.getAsLong() - deadline >= 0) {
                    throw new SerialTransmissionException("write to serial port " + settings.path() + " timed out after "
                            + writeTimeout.toMillis() + " ms with " + offset + " of " + bytes.length
                            + " bytes written: the partner does not read or flow control holds the line", offset);
                }
                if (written == 0) {
                    LockSupport.parkNanos(STALLED_WRITE_PAUSE_NANOS);
                }
            }
        }
    }

    /**
     * Writes under the partner's XON/XOFF: chunks of {@link #XONXOFF_CHUNK} bytes, each only while the partner does
     * not pause, each followed by its time on the line at the configured baud rate, so the driver never holds more
     * than one chunk. A pause or a stall longer than the write timeout fails the write with the position reached.
     */
    private void writePaced(SerialLink link, byte[] bytes) throws IOException {
        long deadline = clock.getAsLong() + writeTimeout.toNanos();
        int offset = 0;
        try {
            while (offset < bytes.length) {
                if (!flow.awaitResumed(deadline)) {
                    throw new SerialTransmissionException("write to serial port " + settings.path() + " stopped with "
                            + offset + " of " + bytes.length + " bytes written: the partner's XOFF held it longer than "
                            + writeTimeout.toMillis() + " ms, or the port was reopened", offset);
                }
                int written = link.write(bytes, offset, Math.min(XONXOFF_CHUNK, bytes.length - offset));
                offset += written;
                if (written > 0) {
                    deadline = clock.getAsLong() + writeTimeout.toNanos();
                    LockSupport.parkNanos(written * characterNanos);
                } else if (clock.getAsLong() - deadline >= 0) {
                    throw new SerialTransmissionException("write to serial port " + settings.path() + " timed out after "
                            + writeTimeout.toMillis() + " ms with " + offset + " of " + bytes.length
                            + " bytes written: the partner does not read", offset);
                } else {
                    LockSupport.parkNanos(STALLED_WRITE_PAUSE_NANOS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialTransmissionException("write to serial port " + settings.path() + " interrupted with "
                    + offset + " of " + bytes.length + " bytes written", offset);
        }
    }

    /** The protocols' way to the port. */
    private final class PortWriter implements LineWriter {

        @Override
        public void write(byte[] bytes) throws IOException {
            writeFully(bytes);
        }

        @Override
        public void awaitXon(Duration timeout) throws IOException {
            if (flow == null) {
                LineWriter.super.awaitXon(timeout);
                return;
            }
            long seen = flow.xons();
            try {
                if (!flow.awaitXonAfter(seen, clock.getAsLong() + timeout.toNanos())) {
                    throw new SerialTransmissionException("serial port " + settings.path() + ": no XON (DC1) from the"
                            + " partner within " + timeout.toMillis() + " ms; start the read on the control", 0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerialTransmissionException("serial port " + settings.path() + ": interrupted while waiting"
                        + " for the partner's XON", 0);
            }
        }
    }

    private void dropFrame(byte[] frame) {
        LOG.debug("Serial port {}: frame of {} bytes dropped, no consumer attached", settings.path(), frame.length);
    }

    /** Counts what the decoder reports and hands frames to the consumer. */
    private final class Events implements FrameListener {

        @Override
        public void onFrame(byte[] payload) {
            counters.frameIn();
            try {
                frameHandler.accept(payload);
            } catch (RuntimeException e) {
                LOG.error("Serial port {}: frame handler failed; the frame is lost, the reader goes on",
                        settings.path(), e);
            }
        }

        @Override
        public void onGarbage(int byteCount) {
            counters.garbage(byteCount);
        }

        @Override
        public void onChecksumError() {
            counters.checksumError();
        }

        @Override
        public void onOversizeFrame() {
            counters.oversizeFrame();
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            counters.checksumError();
            Consumer<FrameRejection> handler = rejectionHandler;
            if (handler == null) {
                return;
            }
            try {
                handler.accept(rejection);
            } catch (RuntimeException e) {
                LOG.error("Serial port {}: handler of a refused frame failed; the reader goes on", settings.path(), e);
            }
        }
    }
}
