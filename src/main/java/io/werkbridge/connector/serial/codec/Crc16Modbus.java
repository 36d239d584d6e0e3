package io.werkbridge.connector.serial.codec;

import java.util.Objects;

/**
 * CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), initial value 0xFFFF, no final XOR. On the
 * wire the low byte goes first. Check value: {@code "123456789"} gives 0x4B37. Because the CRC is
 * reflected and has no final XOR, the CRC over a frame followed by its own CRC (low byte first)
 * is 0, which is what {@link ModbusRtuDecoder} tests.
 */
public final class Crc16Modbus {

    public static final int INITIAL = 0xFFFF;

    private static final int[] TABLE = buildTable();

    private Crc16Modbus() {
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    /** Advances {@code crc} by one byte. */
    public static int update(int crc, byte b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /** The CRC of {@code data[offset, offset+length)}. */
    public static int compute(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int crc = INITIAL;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
