package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.FrameListener;
import java.io.IOException;

/**
 * What runs on an open port: decoding what is read, and turning a payload into what is written.
 * The read side ({@link #onBytes}, {@link #onIdle}) is called by the connection's reader thread
 * only; {@link #send} by any producer thread.
 */
interface LinkProtocol {

    /** Builds a protocol that writes through {@code writer} and reports to {@code events}. */
    @FunctionalInterface
    interface Factory {
        LinkProtocol create(LineWriter writer, FrameListener events);
    }

    /**
     * How long the next read may wait. Asked before every read: a protocol asks for a short wait
     * only while a short timer runs (the Modbus silence), which sets its resolution, and for
     * {@link Protocols#IDLE_READ_TIMEOUT_MILLIS} otherwise.
     */
    int readTimeoutMillis();

    /** The port was (re)opened. */
    void onConnected(long nanoTime);

    void onBytes(byte[] data, int offset, int length, long nanoTime);

    /** A read returned nothing. */
    void onIdle(long nanoTime);

    /** The port was lost or closed; pending sends fail with {@code reason}. */
    void onDisconnected(String reason);

    /** Frames and writes {@code payload}; returns once it is on the line (3964R: acknowledged). */
    void send(byte[] payload) throws IOException;
}
