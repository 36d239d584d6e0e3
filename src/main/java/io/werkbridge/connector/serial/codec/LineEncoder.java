package io.werkbridge.connector.serial.codec;

/**
 * Encodes a payload as one line terminated by CRLF. The payload must be 1 to
 * {@code maxFrameLength} bytes and hold no CR or LF: an empty line would not be received as a
 * frame by {@link LineDecoder}, and an embedded terminator would split it.
 */
public final class LineEncoder implements FrameEncoder {

    private final int maxFrameLength;

    public LineEncoder(int maxFrameLength) {
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength);
    }

    @Override
    public byte[] encode(byte[] payload) {
        FrameLimits.checkPayloadLength("line", payload, 1, maxFrameLength);
        FrameLimits.checkAbsent("line", payload, ControlChars.CR, "CR", ControlChars.LF, "LF");
        byte[] frame = new byte[payload.length + 2];
        System.arraycopy(payload, 0, frame, 0, payload.length);
        frame[payload.length] = ControlChars.CR;
        frame[payload.length + 1] = ControlChars.LF;
        return frame;
    }
}
