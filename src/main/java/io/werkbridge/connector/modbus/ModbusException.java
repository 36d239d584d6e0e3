package io.werkbridge.connector.modbus;

/**
 * A read that did not give data. Messages say what failed (unit, function, address, exception code, lengths),
 * never register contents, which may hold anything a control stores, names included.
 */
public final class ModbusException extends Exception {

    /** Why a read failed. */
    public enum Kind {
        /** No (matching) answer within the timeout. */
        TIMEOUT,
        /** The slave answered with an exception response (function | 0x80, exception code). */
        EXCEPTION_RESPONSE,
        /** The answer broke the protocol (wrong function, length, byte count, MBAP header). */
        PROTOCOL,
        /** The link failed (connection refused or lost, serial port not connected). */
        LINK
    }

    private final Kind kind;
    private final int exceptionCode;

    public ModbusException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public ModbusException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, cause);
    }

    private ModbusException(Kind kind, String message, int exceptionCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
    }

    /** An exception response of the slave. */
    public static ModbusException exceptionResponse(ReadRequest request, int code) {
        return new ModbusException(Kind.EXCEPTION_RESPONSE, request.describe() + ": exception response "
                + String.format("%02X", code) + " (" + name(code) + ")", code, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The slave's exception code, 0 unless {@link Kind#EXCEPTION_RESPONSE}. */
    public int exceptionCode() {
        return exceptionCode;
    }

    /** The names of the exception codes (Modbus Application Protocol V1.1b3, 7). */
    static String name(int code) {
        return switch (code) {
            case 0x01 -> "illegal function";
            case 0x02 -> "illegal data address";
            case 0x03 -> "illegal data value";
            case 0x04 -> "server device failure";
            case 0x05 -> "acknowledge";
            case 0x06 -> "server device busy";
            case 0x08 -> "memory parity error";
            case 0x0A -> "gateway path unavailable";
            case 0x0B -> "gateway target device failed to respond";
            default -> "unknown exception code";
        };
    }
}
