package io.werkbridge.connector.serial;

import java.util.Objects;

/**
 * How to open a port.
 *
 * @param path        device path; symbolic links are followed on every open, so a stable link
 *                    (udev rule, socat {@code link=}) survives a re-plug
 * @param baudRate    bits per second
 * @param dataBits    5 to 8
 * @param parity      parity bit
 * @param stopBits    1 or 2
 * @param flowControl flow control
 */
public record SerialSettings(String path, int baudRate, int dataBits, Parity parity, int stopBits,
                             FlowControl flowControl) {

    public SerialSettings {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("serial port path is missing; use e.g. serial:/dev/ttyUSB0");
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("serial option baudRate must be > 0, was " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("serial option dataBits must be 5 to 8, was " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("serial option stopBits must be 1 or 2, was " + stopBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(flowControl, "flowControl");
    }

    /** Bits on the wire per character: start bit, data bits, parity bit if any, stop bits. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }
}
