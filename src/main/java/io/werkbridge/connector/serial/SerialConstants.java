package io.werkbridge.connector.serial;

/** Message headers set by the serial consumer. */
public final class SerialConstants {

    /** The framing that decoded the frame, e.g. {@code stx-etx}. */
    public static final String FRAMING = "CamelSerialFraming";

    /** The port path from the endpoint URI. */
    public static final String PORT = "CamelSerialPort";

    private SerialConstants() {
    }
}
