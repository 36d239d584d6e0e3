package io.werkbridge.connector.serial.codec;

/**
 * A streaming decoder. It may be fed chunks split at any byte position; complete frames go to the
 * {@link FrameListener} it was built with. Not thread-safe: one reader thread feeds it.
 */
public interface FrameDecoder {

    /**
     * Feeds {@code length} bytes of {@code data} from {@code offset}, received at {@code nanoTime}
     * (a {@link System#nanoTime()} value, used only by time-framed codecs).
     *
     * @throws IndexOutOfBoundsException if offset and length do not fit {@code data}
     */
    void decode(byte[] data, int offset, int length, long nanoTime);

    /** Tells the decoder that no byte arrived up to {@code nanoTime}; time-framed codecs close a frame here. */
    default void onIdle(long nanoTime) {
        // only time-framed codecs care
    }

    /**
     * Whether the decoder holds bytes that only a silence can complete, so the reader should call
     * {@link #onIdle(long)} soon rather than block for long.
     */
    default boolean awaitsIdle() {
        return false;
    }

    /** Drops any partial frame, e.g. after the port was reopened. Not reported as garbage. */
    void reset();
}
