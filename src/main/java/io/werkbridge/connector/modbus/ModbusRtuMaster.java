package io.werkbridge.connector.modbus;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Modbus RTU master over a serial line whose framing (CRC-16, t3.5 silence) is done below it: it sends
 * {@code unitId + PDU} through a {@link FrameSender} and is handed every CRC-valid frame read from the line
 * ({@link #onFrame}). RTU has no transaction id, so the answer is the first frame from the addressed unit after the
 * request; frames from other units, the echo of the request (two-wire RS-485 adapters) and frames left over from an
 * earlier request that timed out are dropped before it is sent. At most {@value #QUEUED_FRAMES} frames wait; the
 * line cannot flood memory.
 */
public final class ModbusRtuMaster implements ModbusTransport {

    static final int QUEUED_FRAMES = 8;

    /** Writes one frame payload (unit id and PDU; the framing adds the CRC). */
    @FunctionalInterface
    public interface FrameSender {
        void send(byte[] payload) throws IOException;
    }

    private final FrameSender sender;
    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(QUEUED_FRAMES);

    public ModbusRtuMaster(FrameSender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** A frame read from the line, CRC checked and removed; called by the line's reader. */
    public void onFrame(byte[] payload) {
        if (payload != null) {
            // full: nobody asked for these; the newest frame is the one a request may wait for
            while (!frames.offer(payload)) {
                frames.poll();
            }
        }
    }

    @Override
    public synchronized byte[] transact(ReadRequest request, Duration timeout) throws ModbusException {
        if (request.unitId() < 1 || request.unitId() > 247) {
            throw new IllegalArgumentException("a serial read goes to unit 1 to 247, was " + request.unitId());
        }
        byte[] pdu = request.pdu();
        byte[] payload = new byte[pdu.length + 1];
        payload[0] = (byte) request.unitId();
        System.arraycopy(pdu, 0, payload, 1, pdu.length);
        frames.clear();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sender.send(payload);
        } catch (IOException e) {
            throw new ModbusException(ModbusException.Kind.LINK, request.describe() + ": " + e.getMessage(), e);
        }
        try {
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                byte[] frame = frames.poll(remaining, TimeUnit.NANOSECONDS);
                if (frame != null && frame.length >= 2 && (frame[0] & 0xFF) == request.unitId()
                        && !Arrays.equals(frame, payload)) {
                    return Arrays.copyOfRange(frame, 1, frame.length);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModbusException(ModbusException.Kind.TIMEOUT, request.describe() + ": interrupted while waiting",
                    e);
        }
        throw new ModbusException(ModbusException.Kind.TIMEOUT, request.describe() + ": no response within "
                + timeout.toMillis() + " ms");
    }

    @Override
    public void close() {
        frames.clear();
    }
}
