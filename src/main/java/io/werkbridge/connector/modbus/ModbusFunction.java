package io.werkbridge.connector.modbus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The read functions the master uses, with the most items one request may ask for (Modbus Application Protocol
 * V1.1b3, 6.1-6.4): 2000 coils or discrete inputs, 125 registers.
 */
public enum ModbusFunction {
    READ_COILS(0x01, 2000, true),
    READ_DISCRETE_INPUTS(0x02, 2000, true),
    READ_HOLDING_REGISTERS(0x03, 125, false),
    READ_INPUT_REGISTERS(0x04, 125, false);

    private final int code;
    private final int maxCount;
    private final boolean bits;

    ModbusFunction(int code, int maxCount, boolean bits) {
        this.code = code;
        this.maxCount = maxCount;
        this.bits = bits;
    }

    public int code() {
        return code;
    }

    /** Items one request may read at most. */
    public int maxCount() {
        return maxCount;
    }

    /** Whether it reads single bits (coils, discrete inputs) rather than 16-bit registers. */
    public boolean readsBits() {
        return bits;
    }

    /** Data bytes a correct response to a read of {@code count} items carries. */
    public int dataBytes(int count) {
        return bits ? (count + 7) / 8 : count * 2;
    }

    public static Optional<ModbusFunction> ofCode(int code) {
        return Arrays.stream(values()).filter(f -> f.code == code).findFirst();
    }
}
