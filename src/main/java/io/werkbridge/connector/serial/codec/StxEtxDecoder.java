package io.werkbridge.connector.serial.codec;

import java.util.Objects;

/**
 * Decodes {@code STX payload ETX BCC} frames.
 *
 * <p>Convention: {@code BCC} is the XOR of every payload byte and of the ETX byte; STX is not
 * included. So the empty payload is {@code 02 03 03}, and payload {@code 41 42} is
 * {@code 02 41 42 03 00} ({@code 0x41 ^ 0x42 ^ 0x03 = 0x00}). The payload cannot contain STX or
 * ETX (there is no escaping); the BCC byte can take any value, including 0x02 and 0x03.
 *
 * <p>Error handling, all reported to the {@link FrameListener} and none thrown:
 * <ul>
 *   <li>bytes outside {@code STX .. BCC} are garbage, counted byte by byte;</li>
 *   <li>an STX inside a payload restarts the frame: the abandoned STX and payload bytes are garbage;</li>
 *   <li>a wrong BCC drops the frame as a checksum error;</li>
 *   <li>a payload longer than {@code maxFrameLength} is counted once as oversize and skipped up to
 *       its ETX and BCC (or up to the next STX, which starts a new frame).</li>
 * </ul>
 */
public final class StxEtxDecoder implements FrameDecoder {

    private enum State { IDLE, PAYLOAD, BCC, DISCARD, SKIP_BCC }

    private final FrameListener listener;
    private final BoundedFrameBuffer payload;
    private State state = State.IDLE;
    private int bcc;

    public StxEtxDecoder(FrameListener listener, int maxFrameLength) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.payload = new BoundedFrameBuffer(FrameLimits.checkMaxFrameLength(maxFrameLength));
    }

    @Override
    public void decode(byte[] data, int offset, int length, long nanoTime) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int garbage = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = data[i];
            switch (state) {
                case IDLE -> {
                    if (b == ControlChars.STX) {
                        startFrame();
                    } else {
                        garbage++;
                    }
                }
                case PAYLOAD -> {
                    if (b == ControlChars.ETX) {
                        state = State.BCC;
                    } else if (b == ControlChars.STX) {
                        garbage += 1 + payload.length();
                        startFrame();
                    } else if (payload.append(b)) {
                        bcc ^= b;
                    } else {
                        state = State.DISCARD;
                        payload.clear();
                        listener.onOversizeFrame();
                    }
                }
                case BCC -> endFrame(b);
                case DISCARD -> {
                    if (b == ControlChars.ETX) {
                        state = State.SKIP_BCC;
                    } else if (b == ControlChars.STX) {
                        startFrame();
                    }
                }
                case SKIP_BCC -> state = State.IDLE;
                default -> throw new IllegalStateException("unknown state " + state);
            }
        }
        if (garbage > 0) {
            listener.onGarbage(garbage);
        }
    }

    private void startFrame() {
        state = State.PAYLOAD;
        payload.clear();
        bcc = 0;
    }

    private void endFrame(byte received) {
        state = State.IDLE;
        if ((byte) (bcc ^ ControlChars.ETX) == received) {
            byte[] frame = payload.toArray();
            payload.clear();
            listener.onFrame(frame);
        } else {
            payload.clear();
            listener.onChecksumError();
        }
    }

    @Override
    public void reset() {
        state = State.IDLE;
        payload.clear();
        bcc = 0;
    }
}
