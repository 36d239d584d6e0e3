package io.werkbridge.connector.modbus;

/**
 * Order of bytes in a register, or of registers in a 32-bit value. {@code BIG} is the Modbus standard (high byte and
 * high word first); many devices send 32-bit values {@code LITTLE} word order ("CDAB"), some swap bytes ("BADC").
 */
public enum WordOrder {
    BIG, LITTLE
}
