package io.werkbridge.connector.serial.codec;

/**
 * What a decoder reports while it reads a byte stream. Called on the decoding thread, in stream
 * order. Implementations must not throw for bad input: the decoders never do either.
 */
public interface FrameListener {

    /** A complete frame whose checksum (if any) was correct; {@code payload} is a fresh array. */
    void onFrame(byte[] payload);

    /** {@code byteCount} bytes did not belong to any frame and were dropped. */
    void onGarbage(int byteCount);

    /** A complete frame failed its checksum and was dropped. */
    void onChecksumError();

    /** A frame exceeded {@code maxFrameLength} and was dropped without being stored. */
    void onOversizeFrame();

    /**
     * A frame was refused whole for a reason the framing can place (NC programs: a parity error, a line or program
     * too long, no closing {@code %}). The framings that only count errors never call it.
     */
    default void onRejected(FrameRejection rejection) {
        onChecksumError();
    }
}
