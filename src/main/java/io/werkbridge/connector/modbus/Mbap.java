package io.werkbridge.connector.modbus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The Modbus TCP frame (Modbus Messaging on TCP/IP Implementation Guide V1.0b, 3.1.3): MBAP header
 * {@code transactionId(2) protocolId(2)=0 length(2) unitId(1)}, then the PDU; {@code length} counts the unit id and
 * the PDU, so it is 2 to 254. A header outside that is refused before its body is read: the stream cannot be
 * trusted after it and the connection is dropped.
 */
public final class Mbap {

    public static final int HEADER_LENGTH = 7;

    private Mbap() {
    }

    /** One received frame. */
    public record Frame(int transactionId, int unitId, byte[] pdu) {
    }

    /** The frame for {@code pdu} (1 to 253 bytes). */
    public static byte[] encode(int transactionId, int unitId, byte[] pdu) {
        Objects.requireNonNull(pdu, "pdu");
        if (pdu.length < 1 || pdu.length > ModbusPdu.MAX_LENGTH) {
            throw new IllegalArgumentException("PDU must be 1 to " + ModbusPdu.MAX_LENGTH + " bytes, was " + pdu.length);
        }
        int length = pdu.length + 1;
        byte[] frame = new byte[HEADER_LENGTH + pdu.length];
        frame[0] = (byte) (transactionId >>> 8);
        frame[1] = (byte) transactionId;
        frame[4] = (byte) (length >>> 8);
        frame[5] = (byte) length;
        frame[6] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, HEADER_LENGTH, pdu.length);
        return frame;
    }

    /**
     * Reads one frame; blocks as the stream does (its timeout is the caller's).
     *
     * @throws ModbusException PROTOCOL for a header with another protocol id or a length outside 2-254
     * @throws IOException     the stream ended or failed (timeouts included)
     */
    public static Frame read(InputStream in) throws IOException, ModbusException {
        byte[] header = readFully(in, HEADER_LENGTH);
        int protocolId = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
        int length = (header[4] & 0xFF) << 8 | header[5] & 0xFF;
        if (protocolId != 0) {
            throw new ModbusException(ModbusException.Kind.PROTOCOL, "MBAP header with protocol id " + protocolId
                    + ", expected 0 (Modbus)");
        }
        if (length < 2 || length > ModbusPdu.MAX_LENGTH + 1) {
            throw new ModbusException(ModbusException.Kind.PROTOCOL, "MBAP header with length " + length
                    + ", allowed are 2 to " + (ModbusPdu.MAX_LENGTH + 1));
        }
        byte[] pdu = readFully(in, length - 1);
        return new Frame((header[0] & 0xFF) << 8 | header[1] & 0xFF, header[6] & 0xFF, pdu);
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed by the slave after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }
}
