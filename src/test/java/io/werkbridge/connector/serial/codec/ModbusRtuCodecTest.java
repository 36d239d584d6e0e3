package io.werkbridge.connector.serial.codec;

import static io.werkbridge.connector.serial.codec.Bytes.ascii;
import static io.werkbridge.connector.serial.codec.Bytes.concat;
import static io.werkbridge.connector.serial.codec.Bytes.hex;
import static io.werkbridge.connector.serial.codec.Bytes.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModbusRtuCodecTest {

    private static final int MAX = 32;
    /** 19200 baud, 8E1: 11 bits per character. */
    private static final ModbusTiming TIMING = ModbusTiming.forLine(19_200, 11);
    private static final long SILENCE = TIMING.silenceNanos();

    private final ModbusRtuEncoder encoder = new ModbusRtuEncoder(MAX);
    private RecordingListener listener;
    private ModbusRtuDecoder decoder;
    private long now;

    @BeforeEach
    void setUp() {
        listener = new RecordingListener();
        decoder = new ModbusRtuDecoder(listener, MAX, TIMING);
        now = 1_000_000_000L;
    }

    /** Feeds bytes as they would arrive on a line: one chunk, read right after its last character. */
    private void receive(byte[] bytes) {
        now += TIMING.transmitNanos(bytes.length);
        decoder.decode(bytes, 0, bytes.length, now);
    }

    private void silence() {
        now += SILENCE;
        decoder.onIdle(now);
    }

    private static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void crcCheckValues() {
        byte[] check = ascii("123456789");
        assertThat(Crc16Modbus.compute(check, 0, check.length)).isEqualTo(0x4B37);
        assertThat(encoder.encode(hex("11 03 00 6B 00 03"))).isEqualTo(hex("11 03 00 6B 00 03 76 87"));
    }

    @Test
    void crcOverAFrameAndItsCrcIsZero() {
        byte[] frame = hex("11 03 00 6B 00 03 76 87");
        assertThat(Crc16Modbus.compute(frame, 0, frame.length)).isZero();
    }

    @Test
    void timingFollowsTheSpecification() {
        assertThat(ModbusTiming.forLine(9600, 11)).isEqualTo(new ModbusTiming(1_145_834, 4_010_417));
        assertThat(ModbusTiming.forLine(19_200, 11).silenceNanos()).isEqualTo(2_005_209);
        assertThat(ModbusTiming.forLine(19_201, 11).silenceNanos()).isEqualTo(1_750_000);
        assertThat(ModbusTiming.forLine(115_200, 10)).isEqualTo(new ModbusTiming(86_806, 1_750_000));
        assertThatThrownBy(() -> ModbusTiming.forLine(0, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silenceEndsAFrame() {
        receive(hex("11 03 00 6B 00 03 76 87"));
        assertThat(listener.frames).isEmpty();

        silence();

        assertThat(listener.frames).hasSize(1);
        assertThat(hexOf(listener.frames.get(0))).isEqualTo("1103006b0003");
    }

    @Test
    void idleShorterThanTheSilenceKeepsTheFrameOpen() {
        receive(hex("11 03 00 6B"));
        decoder.onIdle(now + SILENCE - 1);
        assertThat(listener.frames).isEmpty();

        receive(hex("00 03 76 87"));
        silence();

        assertThat(listener.frames).extracting(ModbusRtuCodecTest::hexOf).containsExactly("1103006b0003");
    }

    @Test
    void aSilenceBeforeAChunkClosesThePreviousFrame() {
        receive(encoder.encode(ascii("\u0001first")));
        now += SILENCE;
        receive(encoder.encode(ascii("\u0002second")));

        assertThat(listener.texts()).containsExactly("\u0001first");
        silence();
        assertThat(listener.texts()).containsExactly("\u0001first", "\u0002second");
    }

    @Test
    void aFrameSplitAtEveryPositionIsOneFrame() {
        byte[] frame = encoder.encode(hex("01 10 00 01 00 02 04 00 0A 01 02"));
        for (int split = 0; split <= frame.length; split++) {
            setUp();
            receive(Bytes.range(frame, 0, split));
            receive(Bytes.range(frame, split, frame.length));
            silence();
            assertThat(listener.frames).as("split at %d", split).hasSize(1);
            assertThat(listener.checksumErrors + listener.garbage).isZero();
        }
    }

    @Test
    void gluedFramesAreSplitByTheirCrcs() {
        byte[] a = encoder.encode(hex("11 03 00 6B 00 03"));
        byte[] b = encoder.encode(hex("11 03 06 02 2B 00 00 00 64"));
        byte[] c = encoder.encode(hex("01 05"));

        receive(concat(a, b, c, a));
        silence();

        assertThat(listener.frames).extracting(ModbusRtuCodecTest::hexOf)
                .containsExactly("1103006b0003", "110306022b00000064", "0105", "1103006b0003");
        assertThat(listener.checksumErrors).isZero();
    }

    @Test
    void aFrameWhosePayloadStartsWithAValidFrameIsNotCutThere() {
        byte[] inner = encoder.encode(hex("01 02"));
        byte[] outer = encoder.encode(concat(inner, hex("33 44 55")));
        byte[] next = encoder.encode(hex("07 08 09"));

        receive(concat(outer, next));
        silence();

        assertThat(listener.frames).extracting(ModbusRtuCodecTest::hexOf)
                .containsExactly(hexOf(concat(inner, hex("33 44 55"))), "070809");
        assertThat(listener.checksumErrors).isZero();
    }

    @Test
    void aBadCrcDropsTheFrameAndIsCounted() {
        byte[] bad = encoder.encode(ascii("\u0011broken"));
        bad[3] ^= 0x40;

        receive(bad);
        silence();
        receive(encoder.encode(ascii("\u0011fine")));
        silence();

        assertThat(listener.texts()).containsExactly("\u0011fine");
        assertThat(listener.checksumErrors).isEqualTo(1);
    }

    @Test
    void aGluedBlockWithGarbageIsDroppedWhole() {
        receive(concat(encoder.encode(ascii("\u0001ok")), hex("FF")));
        silence();

        assertThat(listener.frames).isEmpty();
        assertThat(listener.checksumErrors).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void blocksTooShortForAFrameAreGarbage(int length) {
        receive(letters(length));
        silence();

        assertThat(listener.frames).isEmpty();
        assertThat(listener.garbage).isEqualTo(length);
    }

    @Test
    void silenceWithoutBytesReportsNothing() {
        silence();
        silence();

        assertThat(listener.frames).isEmpty();
        assertThat(listener.garbage + listener.checksumErrors + listener.oversize).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, MAX - 1, MAX})
    void deliversPayloadsUpToTheLimit(int length) {
        byte[] payload = letters(length);

        receive(encoder.encode(payload));
        silence();

        assertThat(listener.frames).containsExactly(payload);
    }

    @Test
    void aValidFrameOverTheLimitIsOversize() {
        byte[] over = new ModbusRtuEncoder(MAX + 1).encode(letters(MAX + 1));

        receive(over);
        silence();

        assertThat(listener.frames).isEmpty();
        assertThat(listener.oversize).isEqualTo(1);
    }

    @Test
    void aBlockBeyondItsCapacityIsDiscardedUntilTheNextSilence() {
        byte[] frame = encoder.encode(letters(MAX));
        for (int i = 0; i <= ModbusRtuDecoder.GLUED_FRAMES_PER_BLOCK; i++) {
            receive(frame);
        }
        silence();
        receive(encoder.encode(ascii("\u0007after")));
        silence();

        assertThat(listener.texts()).containsExactly("\u0007after");
        assertThat(listener.oversize).isEqualTo(1);
    }

    @Test
    void resetDropsAPartialFrameSilently() {
        receive(hex("11 03 00"));
        decoder.reset();
        silence();

        assertThat(listener.frames).isEmpty();
        assertThat(listener.garbage).isZero();
    }

    @Test
    void encoderChecksLengths() {
        assertThatThrownBy(() -> encoder.encode(hex("11"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 32 bytes");
        assertThatThrownBy(() -> encoder.encode(letters(MAX + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(encoder.encode(letters(MAX))).hasSize(MAX + 2);
    }
}
