package io.werkbridge.connector.serial.codec;

import static io.werkbridge.connector.serial.codec.Bytes.ascii;
import static io.werkbridge.connector.serial.codec.Bytes.concat;
import static io.werkbridge.connector.serial.codec.Bytes.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.serial.codec.StreamFeeding.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineCodecTest {

    private static final int MAX = 16;

    private static Outcome decode(byte[] stream) {
        return StreamFeeding.assertSplitInvariant(l -> new LineDecoder(l, MAX), stream);
    }

    @Test
    void acceptsCrLfAndCrLfTerminators() {
        Outcome outcome = decode(ascii("one\rtwo\nthree\r\nfour\n"));

        assertThat(outcome.frames()).containsExactly("one", "two", "three", "four");
        assertThat(outcome.garbage()).isZero();
    }

    @Test
    void crLfSplitAcrossChunksIsOneTerminator() {
        RecordingListener listener = new RecordingListener();
        LineDecoder decoder = new LineDecoder(listener, MAX);

        decoder.decode(ascii("abc\r"), 0, 4, 0);
        decoder.decode(ascii("\ndef\n"), 0, 5, 0);

        assertThat(listener.texts()).containsExactly("abc", "def");
    }

    @Test
    void skipsEmptyLines() {
        Outcome outcome = decode(ascii("\n\n\r\r\r\n\n\rx\n\r\n"));

        assertThat(outcome.frames()).containsExactly("x");
        assertThat(outcome).isEqualTo(new Outcome(List.of("x"), 0, 0, 0));
    }

    @Test
    void lfCrIsTwoTerminators() {
        assertThat(decode(ascii("a\n\rb\r")).frames()).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, MAX - 1, MAX})
    void deliversLinesUpToTheLimit(int length) {
        byte[] line = letters(length);

        Outcome outcome = decode(concat(line, ascii("\r\n"), ascii("next\n")));

        assertThat(outcome.frames()).containsExactly(new String(line), "next");
        assertThat(outcome.oversize()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {MAX + 1, MAX + 2, 3 * MAX})
    void dropsAndCountsLinesOverTheLimitThenCarriesOn(int length) {
        Outcome outcome = decode(concat(ascii("before\n"), letters(length), ascii("\r\n"), ascii("after\r")));

        assertThat(outcome.frames()).containsExactly("before", "after");
        assertThat(outcome.oversize()).isEqualTo(1);
    }

    @Test
    void partialLineIsHeldUntilItsTerminator() {
        RecordingListener listener = new RecordingListener();
        LineDecoder decoder = new LineDecoder(listener, MAX);

        decoder.decode(ascii("unfinished"), 0, 10, 0);
        assertThat(listener.frames).isEmpty();

        decoder.reset();
        decoder.decode(ascii("fresh\n"), 0, 6, 0);
        assertThat(listener.texts()).containsExactly("fresh");
    }

    @Test
    void decodesOnlyTheGivenRange() {
        RecordingListener listener = new RecordingListener();
        LineDecoder decoder = new LineDecoder(listener, MAX);
        byte[] buffer = ascii("xxab\nyy");

        decoder.decode(buffer, 2, 3, 0);

        assertThat(listener.texts()).containsExactly("ab");
        assertThatThrownBy(() -> decoder.decode(buffer, 5, 3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void encoderAppendsCrLf() {
        assertThat(new LineEncoder(MAX).encode(ascii("abc"))).containsExactly('a', 'b', 'c', '\r', '\n');
    }

    @Test
    void encoderAcceptsExactlyTheLimit() {
        assertThat(new LineEncoder(MAX).encode(letters(MAX))).hasSize(MAX + 2);
        assertThat(new LineEncoder(MAX).encode(letters(MAX - 1))).hasSize(MAX + 1);
    }

    @Test
    void encoderRejectsWhatCannotBeALine() {
        LineEncoder encoder = new LineEncoder(MAX);

        assertThatThrownBy(() -> encoder.encode(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 16 bytes");
        assertThatThrownBy(() -> encoder.encode(letters(MAX + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 17 bytes");
        assertThatThrownBy(() -> encoder.encode(ascii("a\rb"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR").hasMessageContaining("index 1");
        assertThatThrownBy(() -> encoder.encode(ascii("ab\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LF");
    }

    @Test
    void rejectsNonsensicalLimits() {
        assertThatThrownBy(() -> new LineDecoder(new RecordingListener(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameLength");
        assertThatThrownBy(() -> new LineEncoder(FrameLimits.MAX_FRAME_LENGTH_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
