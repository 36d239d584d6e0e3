package io.werkbridge.connector.serial.codec;

/** Argument checks shared by the codecs. */
final class FrameLimits {

    /** Upper bound for {@code maxFrameLength}: 16 MiB is far beyond any serial telegram. */
    static final int MAX_FRAME_LENGTH_LIMIT = 16 * 1024 * 1024;

    private FrameLimits() {
    }

    static int checkMaxFrameLength(int maxFrameLength) {
        if (maxFrameLength < 1 || maxFrameLength > MAX_FRAME_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxFrameLength must be between 1 and " + MAX_FRAME_LENGTH_LIMIT
                    + ", was " + maxFrameLength);
        }
        return maxFrameLength;
    }

    static void checkPayloadLength(String framing, byte[] payload, int minLength, int maxFrameLength) {
        if (payload.length < minLength || payload.length > maxFrameLength) {
            throw new IllegalArgumentException(framing + " payload must be " + minLength + " to " + maxFrameLength
                    + " bytes, was " + payload.length + " bytes");
        }
    }

    /**
     * Throws if {@code payload} holds either of the framing's two delimiters; reports which and where, never the
     * content.
     */
    static void checkAbsent(String framing, byte[] payload, byte first, String firstName, byte second, String secondName) {
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == first || payload[i] == second) {
                throw new IllegalArgumentException(framing + " payload must not contain "
                        + (payload[i] == first ? firstName : secondName)
                        + " (found at index " + i + "); this framing has no escaping");
            }
        }
    }
}
