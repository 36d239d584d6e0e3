package io.werkbridge.connector.serial.codec;

/** The ASCII control characters the framings use. */
public final class ControlChars {

    public static final byte STX = 0x02;
    public static final byte ETX = 0x03;
    public static final byte LF = 0x0A;
    public static final byte CR = 0x0D;
    public static final byte DLE = 0x10;
    public static final byte NAK = 0x15;

    private ControlChars() {
    }
}
