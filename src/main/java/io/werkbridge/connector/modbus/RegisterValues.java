package io.werkbridge.connector.modbus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a read's data bytes into one value: a {@link Long} for the integer types, a {@link BigDecimal} for float32
 * (its shortest decimal form, so 21.5 stays 21.5) and for every number with a scale, a {@link Boolean} for bits, a
 * {@link String} for strings. A float32 that is NaN or infinite is no value ({@code null}), as devices use NaN for
 * "not available".
 */
public final class RegisterValues {

    private RegisterValues() {
    }

    /**
     * @param data      the data bytes of a register read, exactly two per register the type takes
     * @param byteOrder order of the two bytes in each register
     * @param wordOrder order of the two registers of a 32-bit value
     * @param scale     factor for numbers, or null for none
     * @throws IllegalArgumentException if {@code data} does not fit the type (a caller's mistake, not the slave's)
     */
    public static Object decode(byte[] data, ModbusDataType type, WordOrder byteOrder, WordOrder wordOrder,
                                BigDecimal scale) {
        Objects.requireNonNull(type, "type");
        if (type == ModbusDataType.BOOL) {
            return ModbusPdu.bit(data, 0);
        }
        if (data.length % 2 != 0 || (type != ModbusDataType.STRING && data.length != 2 * type.registers())) {
            throw new IllegalArgumentException(type + " takes " + type.registers() + " registers, got "
                    + data.length + " bytes");
        }
        int[] registers = ModbusPdu.registers(data);
        if (byteOrder == WordOrder.LITTLE) {
            for (int i = 0; i < registers.length; i++) {
                registers[i] = Integer.reverseBytes(registers[i]) >>> 16;
            }
        }
        if (type == ModbusDataType.STRING) {
            return text(registers);
        }
        long raw = registers[0];
        if (registers.length == 2) {
            raw = wordOrder == WordOrder.LITTLE ? (long) registers[1] << 16 | registers[0]
                    : (long) registers[0] << 16 | registers[1];
        }
        Object value = switch (type) {
            case INT16 -> (long) (short) raw;
            case UINT16, UINT32 -> raw;
            case INT32 -> (long) (int) raw;
            case FLOAT32 -> {
                float f = Float.intBitsToFloat((int) raw);
                yield Float.isFinite(f) ? plain(new BigDecimal(Float.toString(f))) : null;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        };
        return scale == null || value == null ? value : scaled(value, scale);
    }

    private static BigDecimal scaled(Object value, BigDecimal scale) {
        BigDecimal number = value instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) value);
        return plain(number.multiply(scale));
    }

    /** Without trailing zeros, but never with an exponent: -50, not -5E+1. */
    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String text(int[] registers) {
        byte[] bytes = new byte[registers.length * 2];
        int length = 0;
        for (int register : registers) {
            bytes[length++] = (byte) (register >>> 8);
            bytes[length++] = (byte) register;
        }
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1).stripTrailing();
    }
}
