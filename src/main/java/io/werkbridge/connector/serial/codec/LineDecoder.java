package io.werkbridge.connector.serial.codec;

import java.util.Objects;

/**
 * Decodes text lines terminated by CR, LF or CRLF.
 *
 * <p>Conventions: a CR ends a line, and an LF that directly follows that CR (also across chunk
 * boundaries) is part of the same terminator, so {@code "a\r\nb\n"} gives {@code a}, {@code b}.
 * An empty line (two terminators in a row, e.g. {@code "\n\n"} or {@code "\r\r"}) is not a frame
 * and is skipped silently. The terminator is not part of the payload. A line longer than
 * {@code maxFrameLength} bytes is counted once as oversize and everything up to its terminator is
 * dropped. Line framing has no checksum and no garbage: every byte belongs to some line.
 */
public final class LineDecoder implements FrameDecoder {

    private final FrameListener listener;
    private final BoundedFrameBuffer line;
    private boolean lastWasCr;
    private boolean discarding;

    public LineDecoder(FrameListener listener, int maxFrameLength) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.line = new BoundedFrameBuffer(FrameLimits.checkMaxFrameLength(maxFrameLength));
    }

    @Override
    public void decode(byte[] data, int offset, int length, long nanoTime) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (lastWasCr) {
                lastWasCr = false;
                if (data[i] == ControlChars.LF) {
                    i++;
                    continue;
                }
            }
            int start = i;
            while (i < end && data[i] != ControlChars.CR && data[i] != ControlChars.LF) {
                i++;
            }
            appendSegment(data, start, i - start);
            if (i < end) {
                lastWasCr = data[i] == ControlChars.CR;
                i++;
                endOfLine();
            }
        }
    }

    private void appendSegment(byte[] data, int start, int count) {
        if (count > 0 && !discarding && !line.append(data, start, count)) {
            discarding = true;
            line.clear();
            listener.onOversizeFrame();
        }
    }

    private void endOfLine() {
        if (discarding) {
            discarding = false;
        } else if (!line.isEmpty()) {
            byte[] payload = line.toArray();
            line.clear();
            listener.onFrame(payload);
        }
    }

    @Override
    public void reset() {
        line.clear();
        lastWasCr = false;
        discarding = false;
    }
}
