package io.werkbridge.connector.serial.codec;

/**
 * Encodes {@code STX payload ETX BCC}, BCC being the XOR of the payload bytes and ETX (see
 * {@link StxEtxDecoder} for the convention). The payload may be empty, must not exceed
 * {@code maxFrameLength} and must not contain STX or ETX.
 */
public final class StxEtxEncoder implements FrameEncoder {

    private final int maxFrameLength;

    public StxEtxEncoder(int maxFrameLength) {
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength);
    }

    @Override
    public byte[] encode(byte[] payload) {
        FrameLimits.checkPayloadLength("stx-etx", payload, 0, maxFrameLength);
        FrameLimits.checkAbsent("stx-etx", payload, ControlChars.STX, "STX (0x02)", ControlChars.ETX, "ETX (0x03)");
        byte[] frame = new byte[payload.length + 3];
        frame[0] = ControlChars.STX;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame[payload.length + 1] = ControlChars.ETX;
        frame[payload.length + 2] = bcc(payload);
        return frame;
    }

    /** XOR of all payload bytes and ETX. */
    public static byte bcc(byte[] payload) {
        int bcc = ControlChars.ETX;
        for (byte b : payload) {
            bcc ^= b;
        }
        return (byte) bcc;
    }
}
