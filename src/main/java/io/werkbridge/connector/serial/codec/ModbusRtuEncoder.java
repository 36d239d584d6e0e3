package io.werkbridge.connector.serial.codec;

/**
 * Encodes a Modbus RTU frame: the payload (slave address, function code, data) followed by its
 * CRC-16/MODBUS, low byte first. The payload must be 2 to {@code maxFrameLength} bytes (the
 * Modbus specification caps an RTU frame at 256 bytes including the CRC, so 254 is the standard
 * limit; larger limits are allowed for non-standard devices). Silence between frames is the
 * sender's job, not the encoder's.
 */
public final class ModbusRtuEncoder implements FrameEncoder {

    /** Slave address and function code. */
    public static final int MIN_PAYLOAD_LENGTH = 2;

    private final int maxFrameLength;

    public ModbusRtuEncoder(int maxFrameLength) {
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength);
    }

    @Override
    public byte[] encode(byte[] payload) {
        FrameLimits.checkPayloadLength("modbus-rtu", payload, MIN_PAYLOAD_LENGTH, maxFrameLength);
        int crc = Crc16Modbus.compute(payload, 0, payload.length);
        byte[] frame = new byte[payload.length + 2];
        System.arraycopy(payload, 0, frame, 0, payload.length);
        frame[payload.length] = (byte) crc;
        frame[payload.length + 1] = (byte) (crc >>> 8);
        return frame;
    }
}
