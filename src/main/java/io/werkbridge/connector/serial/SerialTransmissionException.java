package io.werkbridge.connector.serial;

import java.io.IOException;

/**
 * A frame could not be delivered to the serial partner: the port is not connected, a write failed
 * or timed out, or (3964R) the partner never acknowledged. The message names the port and the
 * reason, never payload bytes.
 */
public final class SerialTransmissionException extends IOException {

    private static final long serialVersionUID = 1L;

    public SerialTransmissionException(String message) {
        super(message);
    }

    public SerialTransmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
