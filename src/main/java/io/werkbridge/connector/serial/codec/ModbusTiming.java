package io.werkbridge.connector.serial.codec;

/**
 * Modbus RTU character time and inter-frame silence (t3.5), in nanoseconds.
 *
 * <p>Per the Modbus over serial line specification (V1.02, 2.5.1.1), t3.5 is 3.5 character times;
 * above 19200 baud it is fixed at 1750 µs. A character is start bit + data bits + parity bit (if
 * any) + stop bits: 11 bits for the standard 8E1, 8O1 and 8N2 settings, 10 for the common but
 * non-standard 8N1.
 *
 * @param characterNanos time to send one character
 * @param silenceNanos   t3.5: a gap at least this long ends a frame
 */
public record ModbusTiming(long characterNanos, long silenceNanos) {

    private static final long FIXED_SILENCE_NANOS = 1_750_000L;
    private static final int FIXED_SILENCE_ABOVE_BAUD = 19_200;

    public ModbusTiming {
        if (characterNanos <= 0 || silenceNanos <= 0) {
            throw new IllegalArgumentException("characterNanos and silenceNanos must be > 0, were "
                    + characterNanos + " and " + silenceNanos);
        }
    }

    /**
     * Timing for a line at {@code baudRate} with {@code bitsPerCharacter} bits per character
     * (start + data + parity + stop).
     */
    public static ModbusTiming forLine(int baudRate, int bitsPerCharacter) {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baudRate must be > 0, was " + baudRate);
        }
        if (bitsPerCharacter < 7 || bitsPerCharacter > 12) {
            throw new IllegalArgumentException("bitsPerCharacter must be 7 to 12, was " + bitsPerCharacter);
        }
        long characterNanos = ceilDiv(bitsPerCharacter * 1_000_000_000L, baudRate);
        long silenceNanos = baudRate > FIXED_SILENCE_ABOVE_BAUD
                ? FIXED_SILENCE_NANOS
                : ceilDiv(bitsPerCharacter * 3_500_000_000L, baudRate);
        return new ModbusTiming(characterNanos, silenceNanos);
    }

    /** Time to send {@code characters} characters. */
    public long transmitNanos(int characters) {
        return characters * characterNanos;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
