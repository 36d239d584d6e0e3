package io.werkbridge.connector.serial;

/** Message headers set by the serial consumer. */
public final class SerialConstants {

    /** The framing that decoded the frame, e.g. {@code stx-etx}. */
    public static final String FRAMING = "CamelSerialFraming";

    /** The port path from the endpoint URI. */
    public static final String PORT = "CamelSerialPort";

    /**
     * Set only on a frame the framing refused whole (NC program: parity error, too long, truncated): why and where,
     * never its content. The body is what was received up to the refusal.
     */
    public static final String REJECTED = "CamelSerialRejected";

    private SerialConstants() {
    }
}
