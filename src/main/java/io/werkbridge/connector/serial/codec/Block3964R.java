package io.werkbridge.connector.serial.codec;

/**
 * The data block of the Siemens 3964R procedure: the payload with every DLE doubled, then
 * {@code DLE ETX BCC}. BCC is the XOR of every byte sent after the partner's DLE answer up to and
 * including ETX: the escaped payload (both bytes of a doubled DLE) and the closing DLE and ETX.
 * Since the two bytes of a doubled DLE cancel, BCC equals the XOR of the raw payload
 * {@code ^ 0x10 ^ 0x03}. The handshake around the block is {@link Procedure3964R}'s job.
 */
public final class Block3964R implements FrameEncoder {

    private final int maxFrameLength;

    public Block3964R(int maxFrameLength) {
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength);
    }

    @Override
    public byte[] encode(byte[] payload) {
        FrameLimits.checkPayloadLength("3964r", payload, 0, maxFrameLength);
        int dles = 0;
        for (byte b : payload) {
            if (b == ControlChars.DLE) {
                dles++;
            }
        }
        byte[] block = new byte[payload.length + dles + 3];
        int bcc = 0;
        int i = 0;
        for (byte b : payload) {
            block[i++] = b;
            bcc ^= b;
            if (b == ControlChars.DLE) {
                block[i++] = b;
                bcc ^= b;
            }
        }
        block[i++] = ControlChars.DLE;
        block[i++] = ControlChars.ETX;
        bcc ^= ControlChars.DLE ^ ControlChars.ETX;
        block[i] = (byte) bcc;
        return block;
    }
}
