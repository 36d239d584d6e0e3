package io.werkbridge.connector.serial;

import java.io.IOException;

/**
 * One open serial port, as small as the connector needs it, so that everything above it can be
 * tested without hardware. A link is opened once; after {@link #close()} or an
 * {@link IOException} a new link is created for the next attempt. {@link #read} and {@link #write}
 * may be called from two threads at once; each is called by one thread at a time.
 */
public interface SerialLink extends AutoCloseable {

    /** Opens and configures the port; throws with a reason an operator can act on. */
    void open() throws IOException;

    /**
     * Reads what is available into {@code buffer}, waiting up to {@code timeoutMillis} for the
     * first byte.
     *
     * @return bytes read, 0 if the timeout passed
     * @throws IOException if the port failed or disappeared
     */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    /**
     * Writes some of {@code data[offset, offset+length)}; may write fewer bytes than asked.
     *
     * @return bytes written, possibly 0
     * @throws IOException if the port failed or disappeared
     */
    int write(byte[] data, int offset, int length) throws IOException;

    /** Closes the port; never throws. */
    @Override
    void close();
}
