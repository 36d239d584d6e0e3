package io.werkbridge.connector.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link SerialLink} on jSerialComm. The port is opened by path with
 * {@link SerialPort#getCommPort(String)} (pseudo-terminals and udev links do not show in port
 * listings), which resolves symbolic links at every open. Writes are blocking with a one-second
 * timeout per call, and the caller loops over partial writes.
 *
 * <p>Reads: jSerialComm's native read timeout on Linux counts tenths of a second (termios VTIME),
 * too coarse for Modbus t3.5 (1.75 ms). So a read with a timeout of
 * {@value #NATIVE_TIMEOUT_STEP_MILLIS} ms or more is a native semi-blocking read (returns as soon
 * as a byte is there, else after about 100 ms), and a shorter one polls
 * {@link SerialPort#bytesAvailable()} every {@value #POLL_MICROS} µs until data or the deadline.
 * Only Modbus RTU asks for short reads, and only while it waits for the silence after a frame.
 */
public final class JSerialCommLink implements SerialLink {

    static final int NATIVE_TIMEOUT_STEP_MILLIS = 100;
    static final int POLL_MICROS = 200;
    private static final int WRITE_TIMEOUT_MILLIS = 1000;
    private static final int TIMEOUT_MODE = SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING;

    private final SerialSettings settings;
    private SerialPort port;

    public JSerialCommLink(SerialSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open() throws IOException {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(settings.path());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + settings.path() + " does not exist or is not a serial device ("
                    + e.getMessage() + ")", e);
        }
        candidate.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(), parity());
        candidate.setFlowControl(flowControl());
        candidate.setComPortTimeouts(TIMEOUT_MODE, NATIVE_TIMEOUT_STEP_MILLIS, WRITE_TIMEOUT_MILLIS);
        if (!candidate.openPort()) {
            throw new IOException("cannot open serial port " + settings.path() + " (error code "
                    + candidate.getLastErrorCode() + "): check that the device is plugged in, that no other process"
                    + " holds it, and that this user may open it (group dialout)");
        }
        port = candidate;
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        SerialPort open = requireOpen();
        if (timeoutMillis >= NATIVE_TIMEOUT_STEP_MILLIS) {
            return readAvailable(open, buffer, buffer.length);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int available = open.bytesAvailable();
            if (available != 0) {
                // negative: the port failed; readBytes reports it with its error code
                return readAvailable(open, buffer, available < 0 ? buffer.length : Math.min(available, buffer.length));
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(remaining, TimeUnit.MICROSECONDS.toNanos(POLL_MICROS)));
        }
    }

    private int readAvailable(SerialPort open, byte[] buffer, int length) throws IOException {
        int read = open.readBytes(buffer, length);
        if (read < 0) {
            throw new IOException("read from serial port " + settings.path() + " failed (error code "
                    + open.getLastErrorCode() + "): the device was unplugged or closed");
        }
        return read;
    }

    @Override
    public int write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        SerialPort open = requireOpen();
        int written = open.writeBytes(data, length, offset);
        if (written < 0) {
            throw new IOException("write to serial port " + settings.path() + " failed (error code "
                    + open.getLastErrorCode() + "): the device was unplugged or closed");
        }
        return written;
    }

    private SerialPort requireOpen() throws IOException {
        SerialPort open = port;
        if (open == null) {
            throw new IOException("serial port " + settings.path() + " is not open");
        }
        return open;
    }

    @Override
    public void close() {
        SerialPort open = port;
        port = null;
        if (open != null) {
            open.closePort();
        }
    }

    private int stopBits() {
        return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }

    private int flowControl() {
        return switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            // done by the connector (XonXoffGate), not the driver: the driver would swallow DC1/DC3, and the hub needs
            // to see the partner's XON as a start signal and to bound what it writes after an XOFF itself
            case XONXOFF -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTSCTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        };
    }
}
