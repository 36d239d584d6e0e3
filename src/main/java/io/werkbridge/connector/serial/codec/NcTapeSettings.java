package io.werkbridge.connector.serial.codec;

import java.time.Duration;
import java.util.Objects;

/**
 * NC program transfer (DNC) over a serial line: leader, {@code %}, program, {@code %}, trailer.
 *
 * @param maxProgramLength characters between the two {@code %}, at most
 * @param maxLineLength    characters of one program line (block), at most, its line end not counted
 * @param codeParity       who checks parity ({@link CodeParity})
 * @param leaderLength     NUL characters sent before the opening and after the closing {@code %}
 * @param charDelay        pause after each character sent, for old controls; zero: none
 * @param start            when a send begins
 * @param startTimeout     how long a send waits for the control's XON
 * @param endTimeout       silence after which a program without its closing {@code %} is reported truncated
 */
public record NcTapeSettings(int maxProgramLength, int maxLineLength, CodeParity codeParity, int leaderLength,
                             Duration charDelay, StartCondition start, Duration startTimeout, Duration endTimeout) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 256;

    public NcTapeSettings {
        FrameLimits.checkMaxFrameLength(maxProgramLength);
        if (maxLineLength < 1 || maxLineLength > FrameLimits.MAX_FRAME_LENGTH_LIMIT) {
            throw new IllegalArgumentException("serial option maxLineLength must be 1 to "
                    + FrameLimits.MAX_FRAME_LENGTH_LIMIT + ", was " + maxLineLength);
        }
        Objects.requireNonNull(codeParity, "codeParity");
        Objects.requireNonNull(start, "start");
        if (leaderLength < 0 || leaderLength > 10_000) {
            throw new IllegalArgumentException("serial option leader must be 0 to 10000 NUL characters, was " + leaderLength);
        }
        requireNotNegative("charDelay", charDelay);
        requirePositive("startTimeout", startTimeout);
        requirePositive("endTimeout", endTimeout);
    }

    /** 7-bit code checked by the port, no leader, no character delay, start at XON within 60 s, truncated after 10 s. */
    public static NcTapeSettings defaults(int maxProgramLength) {
        return new NcTapeSettings(maxProgramLength, DEFAULT_MAX_LINE_LENGTH, CodeParity.NONE, 0, Duration.ZERO,
                StartCondition.XON, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    private static void requireNotNegative(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("serial option " + option + " must be >= 0 ms");
        }
    }

    private static void requirePositive(String option, Duration value) {
        requireNotNegative(option, value);
        if (value.isZero()) {
            throw new IllegalArgumentException("serial option " + option + " must be > 0 ms");
        }
    }

    /** The character with its parity bit set as {@link #codeParity()} says (ISO 840: even parity in bit 8). */
    public byte onWire(int sevenBit) {
        return (byte) (codeParity == CodeParity.EVEN && Integer.bitCount(sevenBit) % 2 == 1 ? sevenBit | 0x80 : sevenBit);
    }
}
