package io.werkbridge.connector.serial;

import java.io.IOException;

/** Writes complete byte sequences to the currently open port. */
@FunctionalInterface
interface LineWriter {

    /**
     * Writes all of {@code bytes} or throws.
     *
     * @throws SerialTransmissionException if the port is not connected, fails or times out
     */
    void write(byte[] bytes) throws IOException;
}
