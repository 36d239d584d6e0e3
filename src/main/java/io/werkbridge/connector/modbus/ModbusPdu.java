package io.werkbridge.connector.modbus;

import java.util.Arrays;

/**
 * Reads the response PDU to a {@link ReadRequest}: {@code function, byteCount, data} or the exception response
 * {@code function | 0x80, exceptionCode}. Every length is checked against the request before a byte is taken, so any
 * byte sequence gives either the data or a {@link ModbusException}, never an unchecked exception.
 */
public final class ModbusPdu {

    /** The longest PDU: 256 bytes of a serial frame less address and CRC; MBAP allows the same. */
    public static final int MAX_LENGTH = 253;
    private static final int EXCEPTION_FLAG = 0x80;

    private ModbusPdu() {
    }

    /**
     * The data bytes of a correct response: two per register (big-endian), or the bits packed eight to a byte,
     * lowest address in the lowest bit.
     *
     * @throws ModbusException an exception response, or an answer that does not fit the request
     */
    public static byte[] data(ReadRequest request, byte[] response) throws ModbusException {
        if (response == null || response.length == 0) {
            throw protocol(request, "empty response");
        }
        int function = response[0] & 0xFF;
        int expectedFunction = request.function().code();
        if (function == (expectedFunction | EXCEPTION_FLAG)) {
            if (response.length != 2) {
                throw protocol(request, "exception response of " + response.length + " bytes, expected 2");
            }
            throw ModbusException.exceptionResponse(request, response[1] & 0xFF);
        }
        if (function != expectedFunction) {
            throw protocol(request, String.format("response with function %02X", function));
        }
        int expectedBytes = request.function().dataBytes(request.count());
        if (response.length < 2 || (response[1] & 0xFF) != expectedBytes || response.length != 2 + expectedBytes) {
            throw protocol(request, "response of " + response.length + " bytes, expected " + (2 + expectedBytes)
                    + " with byte count " + expectedBytes);
        }
        return Arrays.copyOfRange(response, 2, response.length);
    }

    /** The registers of a register read's data, unsigned 16-bit. */
    public static int[] registers(byte[] data) {
        int[] registers = new int[data.length / 2];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = (data[2 * i] & 0xFF) << 8 | data[2 * i + 1] & 0xFF;
        }
        return registers;
    }

    /** Bit {@code index} of a coil or discrete input read's data. */
    public static boolean bit(byte[] data, int index) {
        return (data[index / 8] >>> (index % 8) & 1) != 0;
    }

    private static ModbusException protocol(ReadRequest request, String what) {
        return new ModbusException(ModbusException.Kind.PROTOCOL, request.describe() + ": " + what);
    }
}
