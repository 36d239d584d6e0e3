package io.werkbridge.connector.serial.codec;

import java.util.Objects;

/**
 * Cuts NC programs out of what a control punches: leader (NUL, DEL, blanks, line ends, DC2/DC4), {@code %}, the
 * program, {@code %}, trailer. The program between the two {@code %} goes to {@link FrameListener#onFrame} as 7-bit
 * ASCII, without the line end of the opening {@code %} and without NUL and DEL (ISO 840: tape feed and delete characters, ignored inside a program). DC1 and DC3 never
 * reach it: they are flow control and the connection takes them out.
 *
 * <p>A program is refused whole ({@link FrameListener#onRejected}) for a character whose parity is wrong
 * ({@link CodeParity#EVEN}) or that is not 7-bit ({@link CodeParity#NONE}), a line longer than {@code maxLineLength},
 * more than {@code maxProgramLength} characters, or no closing {@code %}: a DC4 (punch off) or a silence of
 * {@code endTimeout} inside the program. The reason gives the position as byte offset and line counted from the
 * opening {@code %} (offset 0, line 1), never the program's text. After a refusal the decoder skips to the program's
 * closing {@code %} (or the DC4 or silence that ends it) and waits for the next one.
 */
public final class NcProgramDecoder implements FrameDecoder {

    /** Program start and end. */
    public static final byte PERCENT = '%';
    /** Punch on / punch off, sent by a control around what it punches. */
    public static final byte DC2 = 0x12;
    public static final byte DC4 = 0x14;
    private static final byte NUL = 0x00;
    private static final byte DEL = 0x7F;

    private enum State { LEADER, PROGRAM, SKIPPING }

    private final FrameListener listener;
    private final NcTapeSettings settings;
    private final BoundedFrameBuffer program;
    private State state = State.LEADER;
    /** Offset of the next byte from the opening %, line of it, characters in the current line. */
    private long offset;
    private int line;
    private int lineLength;
    /** Still on the line of the opening %, whose line end is not part of the program. */
    private boolean percentLine;
    private long lastByteNanos;

    public NcProgramDecoder(FrameListener listener, NcTapeSettings settings) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.program = new BoundedFrameBuffer(settings.maxProgramLength());
    }

    @Override
    public void decode(byte[] data, int offset, int length, long nanoTime) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int garbage = 0;
        for (int i = offset; i < offset + length; i++) {
            int raw = data[i] & 0xFF;
            switch (state) {
                case LEADER -> {
                    int c = raw & 0x7F;
                    if (c == PERCENT && parityOk(raw)) {
                        begin();
                    } else if (!isLeader(c)) {
                        garbage++;
                    }
                }
                case PROGRAM -> character(raw);
                case SKIPPING -> {
                    int c = raw & 0x7F;
                    if (c == PERCENT || c == DC4) {
                        state = State.LEADER;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        if (garbage > 0) {
            listener.onGarbage(garbage);
        }
        lastByteNanos = nanoTime;
    }

    private static boolean isLeader(int c) {
        return c == NUL || c == DEL || c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == DC2 || c == DC4;
    }

    private void begin() {
        state = State.PROGRAM;
        program.clear();
        offset = 1;
        line = 1;
        lineLength = 0;
        percentLine = true;
    }

    private void character(int raw) {
        long at = offset++;
        if (!parityOk(raw)) {
            refuse((settings.codeParity() == CodeParity.EVEN ? "parity error" : "8-bit character where 7-bit code is"
                    + " expected (check dataBits, parity and codeParity)") + position(at), false);
            return;
        }
        int c = raw & 0x7F;
        if (c == PERCENT) {
            state = State.LEADER;
            listener.onFrame(program.toArray());
            program.clear();
            return;
        }
        if (c == DC4) {
            refuse("truncated: punch off (DC4) before the closing %" + position(at), true);
            return;
        }
        if (c == NUL || c == DEL) {
            return;
        }
        if (percentLine) {
            percentLine = c == '\r';
            if (c == '\r' || c == '\n') {
                line += c == '\n' ? 1 : 0;
                return;
            }
        }
        if (c == '\n') {
            line++;
            lineLength = 0;
        } else if (c != '\r' && ++lineLength > settings.maxLineLength()) {
            refuse("line longer than " + settings.maxLineLength() + " characters" + position(at), false);
            return;
        }
        if (!program.append((byte) c)) {
            refuse("program longer than " + settings.maxProgramLength() + " characters" + position(at), false);
        }
    }

    private String position(long at) {
        return " at byte offset " + at + " (line " + line + ") of the program from its opening %";
    }

    private boolean parityOk(int raw) {
        return settings.codeParity() == CodeParity.EVEN ? Integer.bitCount(raw) % 2 == 0 : raw < 0x80;
    }

    private void refuse(String reason, boolean ended) {
        state = ended ? State.LEADER : State.SKIPPING;
        listener.onRejected(new FrameRejection(reason, program.toArray()));
        program.clear();
    }

    @Override
    public void onIdle(long nanoTime) {
        if (state == State.PROGRAM && nanoTime - lastByteNanos >= settings.endTimeout().toNanos()) {
            refuse("truncated: no closing % after " + offset + " bytes (line " + line + "), nothing received for "
                    + settings.endTimeout().toMillis() + " ms", true);
        } else if (state == State.SKIPPING && nanoTime - lastByteNanos >= settings.endTimeout().toNanos()) {
            state = State.LEADER;
        }
    }

    @Override
    public void reset() {
        state = State.LEADER;
        program.clear();
    }
}
