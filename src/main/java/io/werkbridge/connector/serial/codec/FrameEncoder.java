package io.werkbridge.connector.serial.codec;

/** Wraps one payload into the bytes that go on the wire. */
public interface FrameEncoder {

    /**
     * Returns the complete frame for {@code payload}.
     *
     * @throws IllegalArgumentException if the payload cannot be framed (too long, or it holds a
     *     byte the framing cannot carry); the message says which rule was broken
     */
    byte[] encode(byte[] payload);
}
