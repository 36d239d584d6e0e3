package io.werkbridge.connector.modbus;

/** How the items of a read become one value; the number of registers follows from the type (string: its count). */
public enum ModbusDataType {
    /** A coil or discrete input (functions 01, 02). */
    BOOL(1),
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    /** IEEE 754 single precision; NaN and infinities mean "no value". */
    FLOAT32(2),
    /** Two ISO-8859-1 characters per register, up to the first NUL, trailing blanks cut. */
    STRING(0);

    private final int registers;

    ModbusDataType(int registers) {
        this.registers = registers;
    }

    /** Registers (or bits) one value takes; 0 for string, whose count the register map gives. */
    public int registers() {
        return registers;
    }
}
