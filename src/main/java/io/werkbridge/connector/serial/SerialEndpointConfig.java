package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.NcTapeSettings;
import io.werkbridge.connector.serial.codec.Settings3964R;
import java.time.Duration;
import java.util.Objects;

/**
 * The checked, immutable form of an endpoint's URI options.
 *
 * @param settings          how to open the port
 * @param framing           the framing
 * @param maxFrameLength    payload bytes per frame, at most
 * @param siemens3964R      3964R parameters (used only with that framing)
 * @param reconnectDelay    first wait before reopening a lost port
 * @param maxReconnectDelay cap of the doubling wait
 * @param writeTimeout      how long one frame's write may take, partial writes included; with XON/XOFF how long
 *                          one pause or stall may last
 * @param ncTape            NC program transfer parameters (used only with that framing)
 */
record SerialEndpointConfig(SerialSettings settings, Framing framing, int maxFrameLength, Settings3964R siemens3964R,
                            Duration reconnectDelay, Duration maxReconnectDelay, Duration writeTimeout,
                            NcTapeSettings ncTape) {

    SerialEndpointConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(siemens3964R, "siemens3964R");
        Objects.requireNonNull(ncTape, "ncTape");
        if (settings.flowControl() == FlowControl.XONXOFF && (framing == Framing.SIEMENS_3964R || framing == Framing.MODBUS_RTU)) {
            throw new IllegalArgumentException("serial option flowControl=xonxoff does not go with framing="
                    + framing.configName() + ": its binary frames hold DC1/DC3 bytes; use none or rtscts");
        }
        if (maxFrameLength != siemens3964R.maxFrameLength()) {
            throw new IllegalArgumentException("maxFrameLength differs from the 3964R settings");
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("serial option writeTimeout must be > 0 ms, was " + writeTimeout.toMillis());
        }
        // validated here so a bad URI fails when the endpoint is created, not on first connect
        new ReconnectBackoff(reconnectDelay, maxReconnectDelay);
    }

    /** Without NC program transfer settings: its defaults. */
    SerialEndpointConfig(SerialSettings settings, Framing framing, int maxFrameLength, Settings3964R siemens3964R,
                         Duration reconnectDelay, Duration maxReconnectDelay, Duration writeTimeout) {
        this(settings, framing, maxFrameLength, siemens3964R, reconnectDelay, maxReconnectDelay, writeTimeout,
                NcTapeSettings.defaults(maxFrameLength));
    }
}
