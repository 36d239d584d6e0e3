package io.werkbridge.connector.serial;

import java.io.IOException;
import java.time.Duration;

/** Writes complete byte sequences to the currently open port. */
@FunctionalInterface
interface LineWriter {

    /**
     * Writes all of {@code bytes} or throws.
     *
     * @throws SerialTransmissionException if the port is not connected, fails or times out
     */
    void write(byte[] bytes) throws IOException;

    /**
     * Waits for the partner's XON (DC1) arriving after this call began (a control saying it is ready to read).
     *
     * @throws SerialTransmissionException if none came within {@code timeout}, or the port has no XON/XOFF
     */
    default void awaitXon(Duration timeout) throws IOException {
        throw new SerialTransmissionException("waiting for the partner's XON needs flowControl=xonxoff");
    }
}
