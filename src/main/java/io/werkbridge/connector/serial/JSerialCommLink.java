package io.werkbridge.connector.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link SerialLink} on jSerialComm. The port is opened by path with
 * {@link SerialPort#getCommPort(String)} (pseudo-terminals and udev links do not show in port
 * listings), which resolves symbolic links at every open. Reads are semi-blocking (return as soon
 * as one byte is there, or 0 after the timeout); writes are blocking with a one-second timeout per
 * call, and the caller loops over partial writes.
 */
public final class JSerialCommLink implements SerialLink {

    private static final int WRITE_TIMEOUT_MILLIS = 1000;
    private static final int TIMEOUT_MODE = SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING;

    private final SerialSettings settings;
    private SerialPort port;
    private int readTimeoutMillis = -1;

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
        candidate.setComPortTimeouts(TIMEOUT_MODE, 0, WRITE_TIMEOUT_MILLIS);
        if (!candidate.openPort()) {
            throw new IOException("cannot open serial port " + settings.path() + " (error code "
                    + candidate.getLastErrorCode() + "): check that the device is plugged in, that no other process"
                    + " holds it, and that this user may open it (group dialout)");
        }
        port = candidate;
        readTimeoutMillis = -1;
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        SerialPort open = requireOpen();
        if (timeoutMillis != readTimeoutMillis) {
            open.setComPortTimeouts(TIMEOUT_MODE, timeoutMillis, WRITE_TIMEOUT_MILLIS);
            readTimeoutMillis = timeoutMillis;
        }
        int read = open.readBytes(buffer, buffer.length);
        if (read < 0) {
            throw new IOException("read from serial port " + settings.path() + " failed (error code "
                    + open.getLastErrorCode() + "): the device was unplugged or closed");
        }
        return read;
    }

    @Override
    public int write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        int written = requireOpen().writeBytes(data, length, offset);
        if (written < 0) {
            throw new IOException("write to serial port " + settings.path() + " failed (error code "
                    + port.getLastErrorCode() + "): the device was unplugged or closed");
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
            case XONXOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            case RTSCTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        };
    }
}
