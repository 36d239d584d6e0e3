package io.werkbridge.connector.serial.codec;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The tape for one NC program: {@code leaderLength} NULs, {@code %} LF, the program (its last line ended with LF if it
 * was not), {@code %}, {@code leaderLength} NULs; each character with its parity bit as {@link NcTapeSettings#codeParity()}
 * says. The program must be 7-bit ASCII text (printable, TAB, CR, LF) without {@code %} (which would end it early)
 * and within the length limits; the message of a refusal gives the rule and the position, never the text.
 */
public final class NcProgramEncoder implements FrameEncoder {

    private final NcTapeSettings settings;

    public NcProgramEncoder(NcTapeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public byte[] encode(byte[] program) {
        check(program);
        boolean endsWithLf = program.length > 0 && program[program.length - 1] == '\n';
        ByteArrayOutputStream tape = new ByteArrayOutputStream(program.length + 2 * settings.leaderLength() + 4);
        leader(tape);
        tape.write(settings.onWire('%'));
        tape.write(settings.onWire('\n'));
        for (byte b : program) {
            tape.write(settings.onWire(b));
        }
        if (!endsWithLf) {
            tape.write(settings.onWire('\n'));
        }
        tape.write(settings.onWire('%'));
        leader(tape);
        return tape.toByteArray();
    }

    private void leader(ByteArrayOutputStream tape) {
        for (int i = 0; i < settings.leaderLength(); i++) {
            tape.write(0);
        }
    }

    private void check(byte[] program) {
        if (program.length == 0 || program.length > settings.maxProgramLength()) {
            throw new IllegalArgumentException("nc-program must be 1 to " + settings.maxProgramLength()
                    + " characters, was " + program.length);
        }
        int line = 1;
        int lineLength = 0;
        for (int i = 0; i < program.length; i++) {
            int c = program[i];
            if (c == '\n') {
                line++;
                lineLength = 0;
                continue;
            }
            if (c == '%' || (c < ' ' && c != '\t' && c != '\r') || c > '~') {
                throw new IllegalArgumentException("nc-program holds " + (c == '%' ? "a % (which ends the program)"
                        : "a character that is not printable 7-bit ASCII") + " at byte offset " + i + " (line " + line + ")");
            }
            if (c != '\r' && ++lineLength > settings.maxLineLength()) {
                throw new IllegalArgumentException("nc-program line " + line + " is longer than "
                        + settings.maxLineLength() + " characters");
            }
        }
    }

    /** The program line of the tape byte at {@code tapeOffset}, for reporting where a send stopped (1: the opening %). */
    public static int lineAt(byte[] tape, long tapeOffset) {
        int line = 1;
        boolean started = false;
        for (int i = 0; i < tapeOffset && i < tape.length; i++) {
            int c = tape[i] & 0x7F;
            if (c == '%') {
                started = true;
            } else if (started && c == '\n') {
                line++;
            }
        }
        return line;
    }
}
