package io.werkbridge.connector.serial.codec;

import static io.werkbridge.connector.serial.codec.Bytes.ascii;
import static io.werkbridge.connector.serial.codec.Bytes.concat;
import static io.werkbridge.connector.serial.codec.Bytes.hex;
import static io.werkbridge.connector.serial.codec.Bytes.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.serial.codec.StreamFeeding.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StxEtxCodecTest {

    private static final int MAX = 16;
    private final StxEtxEncoder encoder = new StxEtxEncoder(MAX);

    private static Outcome decode(byte[] stream) {
        return StreamFeeding.assertSplitInvariant(l -> new StxEtxDecoder(l, MAX), stream);
    }

    @Test
    void documentedFixtures() {
        assertThat(encoder.encode(ascii("AB"))).isEqualTo(hex("02 41 42 03 00"));
        assertThat(encoder.encode(new byte[0])).isEqualTo(hex("02 03 03"));
        assertThat(decode(hex("02 41 42 03 00 02 03 03")).frames()).containsExactly("AB", "");
    }

    @Test
    void bccMayTakeTheValueOfStxOrEtx() {
        byte[] bccIsStx = hex("02 01 03 02");
        byte[] bccIsEtx = hex("02 00 03 03");
        assertThat(encoder.encode(hex("01"))).isEqualTo(bccIsStx);

        Outcome outcome = decode(concat(bccIsStx, bccIsEtx));

        assertThat(outcome).isEqualTo(new Outcome(List.of("\u0001", "\u0000"), 0, 0, 0));
    }

    @Test
    void countsGarbageBetweenFramesAndKeepsTheFrames() {
        Outcome outcome = decode(concat(ascii("xx"), encoder.encode(ascii("one")), hex("03 0d 0a"),
                encoder.encode(ascii("two")), ascii("y")));

        assertThat(outcome.frames()).containsExactly("one", "two");
        assertThat(outcome.garbage()).isEqualTo(6);
        assertThat(outcome.checksumErrors()).isZero();
    }

    @Test
    void dropsAFrameWithAWrongBccAndCarriesOn() {
        byte[] bad = encoder.encode(ascii("bad"));
        bad[bad.length - 1] ^= 0x01;

        Outcome outcome = decode(concat(bad, encoder.encode(ascii("good"))));

        assertThat(outcome.frames()).containsExactly("good");
        assertThat(outcome.checksumErrors()).isEqualTo(1);
    }

    @Test
    void stxInsideAPayloadRestartsTheFrame() {
        Outcome outcome = decode(concat(hex("02"), ascii("lost"), encoder.encode(ascii("kept"))));

        assertThat(outcome.frames()).containsExactly("kept");
        assertThat(outcome.garbage()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MAX - 1, MAX})
    void deliversPayloadsUpToTheLimit(int length) {
        byte[] payload = letters(length);

        assertThat(decode(encoder.encode(payload)).frames()).containsExactly(new String(payload));
    }

    @ParameterizedTest
    @ValueSource(ints = {MAX + 1, MAX + 2, 5 * MAX})
    void dropsOversizeFramesWholeIncludingTheirBcc(int length) {
        byte[] oversize = concat(hex("02"), letters(length), hex("03"), hex("02"));

        Outcome outcome = decode(concat(oversize, encoder.encode(ascii("next"))));

        assertThat(outcome).isEqualTo(new Outcome(List.of("next"), 0, 0, 1));
    }

    @Test
    void stxWhileDiscardingAnOversizeFrameStartsANewFrame() {
        Outcome outcome = decode(concat(hex("02"), letters(MAX + 3), encoder.encode(ascii("resync"))));

        assertThat(outcome).isEqualTo(new Outcome(List.of("resync"), 0, 0, 1));
    }

    @Test
    void resetDropsAPartialFrameSilently() {
        RecordingListener listener = new RecordingListener();
        StxEtxDecoder decoder = new StxEtxDecoder(listener, MAX);
        byte[] frame = encoder.encode(ascii("abc"));

        decoder.decode(frame, 0, 3, 0);
        decoder.reset();
        decoder.decode(frame, 0, frame.length, 0);

        assertThat(listener.texts()).containsExactly("abc");
        assertThat(listener.garbage).isZero();
    }

    @Test
    void encoderRejectsControlBytesAndOverLongPayloads() {
        assertThatThrownBy(() -> encoder.encode(hex("41 02"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STX");
        assertThatThrownBy(() -> encoder.encode(hex("03"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETX");
        assertThatThrownBy(() -> encoder.encode(letters(MAX + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 16 bytes");
        assertThat(encoder.encode(letters(MAX))).hasSize(MAX + 3);
    }
}
