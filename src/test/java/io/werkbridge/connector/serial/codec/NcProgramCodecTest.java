package io.werkbridge.connector.serial.codec;

import static io.werkbridge.connector.serial.codec.Bytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.serial.codec.StreamFeeding.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NcProgramCodecTest {

    private static final NcTapeSettings ISO_7BIT = settings(CodeParity.NONE, 64, 16, 0);
    private static final NcTapeSettings ISO_EVEN = settings(CodeParity.EVEN, 64, 16, 3);

    private static NcTapeSettings settings(CodeParity parity, int maxProgram, int maxLine, int leader) {
        return new NcTapeSettings(maxProgram, maxLine, parity, leader, Duration.ZERO, StartCondition.XON,
                Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    /** Records the rejections' reasons as well. */
    private static final class Rejections implements FrameListener {
        final List<String> frames = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        final List<Integer> receivedLengths = new ArrayList<>();
        int garbage;

        @Override
        public void onFrame(byte[] payload) {
            frames.add(new String(payload, java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public void onGarbage(int byteCount) {
            garbage += byteCount;
        }

        @Override
        public void onChecksumError() {
            throw new AssertionError("not used by the nc-program decoder");
        }

        @Override
        public void onOversizeFrame() {
            throw new AssertionError("not used by the nc-program decoder");
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            reasons.add(rejection.reason());
            receivedLengths.add(rejection.received().length);
        }
    }

    private static Rejections decode(NcTapeSettings settings, byte[] stream) {
        Rejections listener = new Rejections();
        new NcProgramDecoder(listener, settings).decode(stream, 0, stream.length, 0);
        return listener;
    }

    @Test
    void cutsTheProgramOutOfLeaderAndTrailerAtEverySplit() {
        byte[] tape = ascii("\0\0\0\u0012\r\n%\r\nO1234\r\nN10 G0 X0\r\nM30\r\n%\0\0\u0014");
        Outcome outcome = StreamFeeding.assertSplitInvariant(l -> new NcProgramDecoder(l, ISO_7BIT), tape);

        assertThat(outcome.frames()).containsExactly("O1234\r\nN10 G0 X0\r\nM30\r\n");
        assertThat(outcome.garbage()).isZero();
        assertThat(outcome.checksumErrors()).isZero();
    }

    @Test
    void encoderAndDecoderRoundTripWithEvenParity() {
        byte[] tape = new NcProgramEncoder(ISO_EVEN).encode(ascii("O1\nN10 (TOOL 3) G0\nM30"));

        assertThat(tape).startsWith(0, 0, 0).endsWith(0, 0, 0);
        for (byte b : tape) {
            assertThat(Integer.bitCount(b & 0xFF) % 2).isZero();
        }
        assertThat(decode(ISO_EVEN, tape).frames).containsExactly("O1\nN10 (TOOL 3) G0\nM30\n");
    }

    @Test
    void aParityErrorRefusesTheWholeProgramWithItsPositionAndTheNextOneStillComes() {
        byte[] tape = new NcProgramEncoder(ISO_EVEN).encode(ascii("O1\nN10 G0\nM30"));
        int at = 3 + "%\nO1\nN1".length();
        tape[at] ^= 0x01;
        byte[] stream = Bytes.concat(tape, new NcProgramEncoder(ISO_EVEN).encode(ascii("O2")));

        Rejections listener = decode(ISO_EVEN, stream);

        assertThat(listener.reasons).containsExactly("parity error at byte offset 7 (line 3) of the program from its opening %");
        assertThat(listener.receivedLengths).containsExactly(5);
        assertThat(listener.frames).containsExactly("O2\n");
    }

    @Test
    void sevenBitCodeRefusesACharacterWithTheEighthBitSet() {
        Rejections listener = decode(ISO_7BIT, new byte[] {'%', '\n', 'G', (byte) 0xC7, '%'});

        assertThat(listener.reasons).containsExactly("8-bit character where 7-bit code is expected (check dataBits,"
                + " parity and codeParity) at byte offset 3 (line 2) of the program from its opening %");
        assertThat(listener.frames).isEmpty();
    }

    @Test
    void aLongLineOrProgramIsRefusedAndSkippedToItsEnd() {
        Rejections line = decode(ISO_7BIT, ascii("%\nN10 G1 X12345678 Y1\nM30\n%%\nM30\n%"));
        assertThat(line.reasons).containsExactly("line longer than 16 characters at byte offset 18 (line 2) of the"
                + " program from its opening %");
        assertThat(line.frames).containsExactly("M30\n");

        Rejections program = decode(ISO_7BIT, ascii("%\n" + "N1 G0\n".repeat(11) + "%"));
        assertThat(program.reasons).containsExactly("program longer than 64 characters at byte offset 66 (line 12) of"
                + " the program from its opening %");
        assertThat(program.frames).isEmpty();
    }

    @Test
    void aSilenceInsideAProgramReportsItTruncated() {
        Rejections listener = new Rejections();
        NcProgramDecoder decoder = new NcProgramDecoder(listener, ISO_7BIT);
        byte[] part = ascii("%\nO1\nN10");
        decoder.decode(part, 0, part.length, 1_000_000_000L);
        decoder.onIdle(1_400_000_000L);
        assertThat(listener.reasons).isEmpty();
        decoder.onIdle(1_500_000_000L);

        assertThat(listener.reasons).containsExactly("truncated: no closing % after 8 bytes (line 3), nothing received for 500 ms");
        assertThat(listener.frames).isEmpty();
    }

    @Test
    void theEncoderRefusesWhatWouldBreakTheTapeNamingThePositionNotTheText() {
        NcProgramEncoder encoder = new NcProgramEncoder(ISO_7BIT);
        assertThatThrownBy(() -> encoder.encode(ascii("O1\nN10 G0 X5 % Y7")))
                .hasMessage("nc-program holds a % (which ends the program) at byte offset 13 (line 2)");
        assertThatThrownBy(() -> encoder.encode(ascii("O1\nN10\u0013")))
                .hasMessage("nc-program holds a character that is not printable 7-bit ASCII at byte offset 6 (line 2)");
        assertThatThrownBy(() -> encoder.encode(ascii("O1\nN10 G1 X12345678 Y1")))
                .hasMessage("nc-program line 2 is longer than 16 characters");
        assertThatThrownBy(() -> encoder.encode(new byte[65])).hasMessage("nc-program must be 1 to 64 characters, was 65");
    }
}
