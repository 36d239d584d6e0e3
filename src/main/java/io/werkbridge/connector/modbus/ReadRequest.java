package io.werkbridge.connector.modbus;

import java.util.Objects;

/**
 * One read: {@code count} items from {@code address} (0-based protocol address, 0-65535) of a unit.
 *
 * @param unitId   slave address on a serial line (1-247), unit identifier for Modbus TCP (0-255)
 * @param function which table to read
 * @param address  first item
 * @param count    items, 1 to the function's maximum, not beyond address 65535
 */
public record ReadRequest(int unitId, ModbusFunction function, int address, int count) {

    public ReadRequest {
        Objects.requireNonNull(function, "function");
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit id must be 0 to 255, was " + unitId);
        }
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException("address must be 0 to 65535, was " + address);
        }
        if (count < 1 || count > function.maxCount() || address + count > 0x10000) {
            throw new IllegalArgumentException("count must be 1 to " + function.maxCount()
                    + " and end at address 65535 at most, was " + count + " from " + address);
        }
    }

    /** The request PDU: function code, address and count, big-endian. */
    public byte[] pdu() {
        return new byte[] {(byte) function.code(), (byte) (address >>> 8), (byte) address, (byte) (count >>> 8),
            (byte) count};
    }

    /** For messages: unit, function and address range, never data. */
    public String describe() {
        return String.format("unit %d, function %02X, address %d", unitId, function.code(), address)
                + (count > 1 ? "-" + (address + count - 1) : "");
    }
}
