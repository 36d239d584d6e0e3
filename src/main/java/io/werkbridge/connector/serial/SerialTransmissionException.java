package io.werkbridge.connector.serial;

import java.io.IOException;

/**
 * A frame could not be delivered to the serial partner: the port is not connected, a write failed
 * or timed out, or (3964R) the partner never acknowledged. The message names the port and the
 * reason, never payload bytes.
 */
public final class SerialTransmissionException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Bytes of the frame written before it failed, or -1 when not known. */
    private final long written;

    public SerialTransmissionException(String message) {
        this(message, -1);
    }

    public SerialTransmissionException(String message, long written) {
        super(message);
        this.written = written;
    }

    public SerialTransmissionException(String message, Throwable cause) {
        super(message, cause);
        this.written = cause instanceof SerialTransmissionException s ? s.written : -1;
    }

    /** Bytes of the frame written before it failed, or -1 when not known. */
    public long written() {
        return written;
    }
}
