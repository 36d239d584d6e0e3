package io.werkbridge.connector.serial.codec;

import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the 3964R procedure.
 *
 * @param priority           which side wins when both send STX at once; exactly one partner must be HIGH
 * @param maxFrameLength     payload bytes accepted in one block
 * @param ackTimeout         QVZ: how long the sender waits for DLE/NAK (Siemens default 2 s)
 * @param charTimeout        ZVZ: longest gap between received block characters (Siemens default 220 ms)
 * @param connectAttempts    STX attempts per transmission before giving up (Siemens default 6)
 * @param transmitAttempts   block transmissions before giving up (Siemens default 6)
 */
public record Settings3964R(Priority3964R priority, int maxFrameLength, Duration ackTimeout, Duration charTimeout,
                            int connectAttempts, int transmitAttempts) {

    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofMillis(2000);
    public static final Duration DEFAULT_CHAR_TIMEOUT = Duration.ofMillis(220);
    public static final int DEFAULT_ATTEMPTS = 6;

    public Settings3964R {
        Objects.requireNonNull(priority, "priority");
        FrameLimits.checkMaxFrameLength(maxFrameLength);
        requirePositive(ackTimeout, "ackTimeout");
        requirePositive(charTimeout, "charTimeout");
        if (connectAttempts < 1 || transmitAttempts < 1) {
            throw new IllegalArgumentException("connectAttempts and transmitAttempts must be >= 1, were "
                    + connectAttempts + " and " + transmitAttempts);
        }
    }

    /** Siemens defaults: QVZ 2 s, ZVZ 220 ms, 6 connection and 6 transmission attempts. */
    public static Settings3964R defaults(Priority3964R priority, int maxFrameLength) {
        return new Settings3964R(priority, maxFrameLength, DEFAULT_ACK_TIMEOUT, DEFAULT_CHAR_TIMEOUT,
                DEFAULT_ATTEMPTS, DEFAULT_ATTEMPTS);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + duration);
        }
    }
}
