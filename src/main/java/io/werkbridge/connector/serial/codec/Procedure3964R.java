package io.werkbridge.connector.serial.codec;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The Siemens 3964R procedure as a state machine without threads or clocks: bytes, send requests
 * and the passing of time come in as calls carrying a {@link System#nanoTime()}-style value; what
 * it writes goes to a {@link Transmitter} and what it receives to a {@link FrameListener}. Not
 * thread-safe: the caller serialises calls.
 *
 * <p><b>Sending</b> one payload: send STX and wait up to the ack timeout (QVZ) for DLE; then send
 * the {@link Block3964R block} and wait up to QVZ for DLE (success) or NAK. A missing or wrong
 * answer to STX is a failed connection attempt and STX is sent again, up to
 * {@code connectAttempts}; a NAK, wrong answer or timeout after the block is a failed
 * transmission and the whole handshake starts again, up to {@code transmitAttempts}. Then the
 * send fails with a reason.
 *
 * <p><b>Receiving</b>: an STX while idle is answered with DLE; block characters follow with at
 * most the char timeout (ZVZ) between them; {@code DLE DLE} is one DLE of payload, {@code DLE ETX}
 * ends the block and the next byte is the BCC, the XOR of every byte received after our DLE up to
 * and including ETX. A correct block is answered with DLE and delivered; a wrong BCC, an oversize
 * block, {@code DLE} followed by anything but DLE or ETX, or a character timeout is answered with
 * NAK and reported. Bytes other than STX while idle are garbage.
 *
 * <p><b>Conflict</b>: when both sides send STX, the {@link Priority3964R#HIGH HIGH} side ignores
 * the partner's STX and keeps waiting for DLE; the LOW side puts its own send back at the head of
 * the queue, answers DLE, receives, and then starts its send again (the attempt counters of the
 * postponed send are kept).
 *
 * <p>The DLE acknowledgement is sent as soon as the block is checked, before the listener sees the
 * frame: 3964R acknowledges correct reception, not processing.
 */
public final class Procedure3964R {

    /** Where the procedure writes to the line. */
    @FunctionalInterface
    public interface Transmitter {
        /** Writes control characters or a block to the line. */
        void transmit(byte[] bytes);
    }

    /** Outcome of one {@link #submit submitted} payload; called exactly once. */
    public interface SendCallback {
        void succeeded();

        void failed(String reason);
    }

    private enum State { IDLE, AWAIT_CONNECT_ACK, AWAIT_BLOCK_ACK, RECEIVING, RECEIVING_BCC }

    private static final byte[] STX = {ControlChars.STX};
    private static final byte[] DLE = {ControlChars.DLE};
    private static final byte[] NAK = {ControlChars.NAK};

    private final Transmitter port;
    private final FrameListener listener;
    private final Settings3964R settings;
    private final Block3964R encoder;
    private final long ackTimeoutNanos;
    private final long charTimeoutNanos;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final BoundedFrameBuffer received;

    private State state = State.IDLE;
    private long deadline;
    private Job current;
    private boolean receiveOverflow;
    private boolean dlePending;
    private int receiveBcc;
    private int receivedRaw;

    public Procedure3964R(Transmitter port, FrameListener listener, Settings3964R settings) {
        this.port = Objects.requireNonNull(port, "port");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = new Block3964R(settings.maxFrameLength());
        this.ackTimeoutNanos = settings.ackTimeout().toNanos();
        this.charTimeoutNanos = settings.charTimeout().toNanos();
        this.received = new BoundedFrameBuffer(settings.maxFrameLength());
    }

    /**
     * Queues {@code payload} for sending; starts at once if the line is idle.
     *
     * @throws IllegalArgumentException if the payload is longer than {@code maxFrameLength}
     */
    public void submit(byte[] payload, SendCallback callback, long nanoTime) {
        Objects.requireNonNull(callback, "callback");
        queue.addLast(new Job(encoder.encode(payload), callback));
        if (state == State.IDLE) {
            startNextJob(nanoTime);
        }
    }

    /** Feeds received bytes. */
    public void onBytes(byte[] data, int offset, int length, long nanoTime) {
        Objects.checkFromIndexSize(offset, length, data.length);
        for (int i = offset, end = offset + length; i < end; i++) {
            onByte(data[i], nanoTime);
        }
    }

    /** Lets time pass: fires the ack or character timeout if its deadline is reached. */
    public void onTick(long nanoTime) {
        if (state != State.IDLE && nanoTime - deadline >= 0) {
            onTimeout(nanoTime);
        }
    }

    /** Abandons everything (the line was lost): the current and all queued sends fail with {@code reason}. */
    public void reset(String reason) {
        Job job = current;
        current = null;
        state = State.IDLE;
        received.clear();
        if (job != null) {
            job.callback.failed(reason);
        }
        while (!queue.isEmpty()) {
            queue.pollFirst().callback.failed(reason);
        }
    }

    public boolean isIdle() {
        return state == State.IDLE;
    }

    /** Sends waiting, including the one in progress. */
    public int pendingSends() {
        return queue.size() + (current == null ? 0 : 1);
    }

    private void onByte(byte b, long now) {
        switch (state) {
            case IDLE -> {
                if (b == ControlChars.STX) {
                    startReceiving(now);
                } else {
                    listener.onGarbage(1);
                }
            }
            case AWAIT_CONNECT_ACK -> onConnectAnswer(b, now);
            case AWAIT_BLOCK_ACK -> {
                if (b == ControlChars.DLE) {
                    sendSucceeded(now);
                } else {
                    transmissionFailed(now, b == ControlChars.NAK
                            ? "the partner rejected the block with NAK (wrong BCC or not ready)"
                            : "the partner answered the block with a character other than DLE or NAK");
                }
            }
            case RECEIVING -> onBlockByte(b, now);
            case RECEIVING_BCC -> onBcc(b, now);
            default -> throw new IllegalStateException("unknown state " + state);
        }
    }

    private void onConnectAnswer(byte b, long now) {
        if (b == ControlChars.DLE) {
            port.transmit(current.block);
            state = State.AWAIT_BLOCK_ACK;
            deadline = now + ackTimeoutNanos;
        } else if (b == ControlChars.STX) {
            if (settings.priority() == Priority3964R.LOW) {
                queue.addFirst(current);
                current = null;
                startReceiving(now);
            }
            // HIGH: the partner must yield and answer our STX with DLE
        } else {
            connectFailed(now, b == ControlChars.NAK
                    ? "the partner answered STX with NAK (not ready)"
                    : "the partner answered STX with a character other than DLE");
        }
    }

    private void onTimeout(long now) {
        switch (state) {
            case AWAIT_CONNECT_ACK -> connectFailed(now, "no DLE answer to STX within "
                    + settings.ackTimeout().toMillis() + " ms");
            case AWAIT_BLOCK_ACK -> transmissionFailed(now, "no acknowledgement of the block within "
                    + settings.ackTimeout().toMillis() + " ms");
            case RECEIVING, RECEIVING_BCC -> {
                if (receivedRaw > 0) {
                    listener.onGarbage(receivedRaw);
                }
                endReceiving(NAK, now);
            }
            default -> throw new IllegalStateException("no timeout in state " + state);
        }
    }

    private void startNextJob(long now) {
        current = queue.pollFirst();
        if (current == null) {
            state = State.IDLE;
            return;
        }
        current.connectAttempts = 1;
        sendStx(now);
    }

    private void sendStx(long now) {
        port.transmit(STX);
        state = State.AWAIT_CONNECT_ACK;
        deadline = now + ackTimeoutNanos;
    }

    private void connectFailed(long now, String reason) {
        if (current.connectAttempts < settings.connectAttempts()) {
            current.connectAttempts++;
            sendStx(now);
        } else {
            failCurrent(now, "3964R connection failed after " + current.connectAttempts + " STX attempts: " + reason);
        }
    }

    private void transmissionFailed(long now, String reason) {
        if (current.transmitAttempts < settings.transmitAttempts()) {
            current.transmitAttempts++;
            current.connectAttempts = 1;
            sendStx(now);
        } else {
            failCurrent(now, "3964R transmission failed after " + current.transmitAttempts + " attempts: " + reason);
        }
    }

    private void failCurrent(long now, String reason) {
        Job job = current;
        current = null;
        job.callback.failed(reason);
        startNextJob(now);
    }

    private void sendSucceeded(long now) {
        Job job = current;
        current = null;
        job.callback.succeeded();
        startNextJob(now);
    }

    private void startReceiving(long now) {
        port.transmit(DLE);
        state = State.RECEIVING;
        deadline = now + charTimeoutNanos;
        received.clear();
        receiveOverflow = false;
        dlePending = false;
        receiveBcc = 0;
        receivedRaw = 0;
    }

    private void onBlockByte(byte b, long now) {
        receivedRaw++;
        receiveBcc ^= b;
        deadline = now + charTimeoutNanos;
        if (dlePending) {
            dlePending = false;
            if (b == ControlChars.DLE) {
                store(b);
            } else if (b == ControlChars.ETX) {
                state = State.RECEIVING_BCC;
            } else {
                listener.onGarbage(receivedRaw);
                endReceiving(NAK, now);
            }
        } else if (b == ControlChars.DLE) {
            dlePending = true;
        } else {
            store(b);
        }
    }

    private void store(byte b) {
        if (!receiveOverflow && !received.append(b)) {
            receiveOverflow = true;
            received.clear();
        }
    }

    private void onBcc(byte b, long now) {
        if (receiveOverflow) {
            listener.onOversizeFrame();
            endReceiving(NAK, now);
        } else if ((byte) receiveBcc == b) {
            byte[] frame = received.toArray();
            endReceiving(DLE, now);
            listener.onFrame(frame);
        } else {
            listener.onChecksumError();
            endReceiving(NAK, now);
        }
    }

    private void endReceiving(byte[] answer, long now) {
        received.clear();
        port.transmit(answer);
        startNextJob(now);
    }

    private static final class Job {
        private final byte[] block;
        private final SendCallback callback;
        private int connectAttempts;
        private int transmitAttempts = 1;

        private Job(byte[] block, SendCallback callback) {
            this.block = block;
            this.callback = callback;
        }
    }
}
