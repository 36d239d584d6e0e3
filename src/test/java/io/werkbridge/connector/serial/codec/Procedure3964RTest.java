package io.werkbridge.connector.serial.codec;

import static io.werkbridge.connector.serial.codec.Bytes.ascii;
import static io.werkbridge.connector.serial.codec.Bytes.concat;
import static io.werkbridge.connector.serial.codec.Bytes.hex;
import static io.werkbridge.connector.serial.codec.Bytes.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Procedure3964RTest {

    private static final int MAX = 32;
    private static final long ACK = Duration.ofMillis(2000).toNanos();
    private static final long CHAR = Duration.ofMillis(220).toNanos();
    private static final byte[] STX = hex("02");
    private static final byte[] DLE = hex("10");
    private static final byte[] NAK = hex("15");

    /** The line as the procedure sees it: what it transmitted, and (events) what it reported. */
    private static final class Line extends ByteArrayOutputStream implements Procedure3964R.Transmitter {
        final RecordingListener events = new RecordingListener();

        @Override
        public void transmit(byte[] bytes) {
            writeBytes(bytes);
        }

        /** What was transmitted since the last call, as hex. */
        String sent() {
            String hex = HexFormat.of().formatHex(toByteArray());
            reset();
            return hex;
        }

        Procedure3964R procedure(Priority3964R priority) {
            return new Procedure3964R(this, events, Settings3964R.defaults(priority, MAX));
        }
    }

    private static final class Outcome implements Procedure3964R.SendCallback {
        final List<String> results = new ArrayList<>();

        @Override
        public void succeeded() {
            results.add("ok");
        }

        @Override
        public void failed(String reason) {
            results.add("failed: " + reason);
        }
    }

    private final Line line = new Line();
    private final Outcome outcome = new Outcome();
    private long now = 5_000_000_000L;

    private Procedure3964R procedure(Priority3964R priority) {
        return line.procedure(priority);
    }

    private void receive(Procedure3964R procedure, byte[] bytes) {
        procedure.onBytes(bytes, 0, bytes.length, now);
    }

    private void advance(Procedure3964R procedure, long nanos) {
        now += nanos;
        procedure.onTick(now);
    }

    @Test
    void blockDoublesDleAndEndsWithDleEtxBcc() {
        // BCC = 01 ^ 10 ^ 10 ^ 02 ^ 10 ^ 03 = 10: a BCC equal to DLE is sent as is, not doubled
        assertThat(new Block3964R(MAX).encode(hex("01 10 02"))).isEqualTo(hex("01 10 10 02 10 03 10"));
        assertThat(new Block3964R(MAX).encode(new byte[0])).isEqualTo(hex("10 03 13"));
        assertThat(new Block3964R(MAX).encode(hex("10 10"))).isEqualTo(hex("10 10 10 10 10 03 13"));
        assertThatThrownBy(() -> new Block3964R(MAX).encode(letters(MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 32 bytes");
    }

    @Test
    void sendsWithTheFullHandshake() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);

        procedure.submit(hex("01 10 02"), outcome, now);
        assertThat(line.sent()).isEqualTo("02");

        receive(procedure, DLE);
        assertThat(line.sent()).isEqualTo("01101002100310");
        assertThat(outcome.results).isEmpty();

        receive(procedure, DLE);
        assertThat(outcome.results).containsExactly("ok");
        assertThat(procedure.isIdle()).isTrue();
        assertThat(procedure.pendingSends()).isZero();
    }

    @Test
    void receivesABlockSplitAnywhereAndUndoublesDle() {
        byte[] block = new Block3964R(MAX).encode(hex("41 10 42 10"));
        for (int split = 0; split <= block.length; split++) {
            Line fresh = new Line();
            Procedure3964R procedure = fresh.procedure(Priority3964R.LOW);
            procedure.onBytes(STX, 0, 1, now);
            assertThat(fresh.sent()).isEqualTo("10");

            procedure.onBytes(block, 0, split, now);
            procedure.onBytes(block, split, block.length - split, now);

            assertThat(fresh.sent()).as("split %d", split).isEqualTo("10");
            assertThat(fresh.events.frames).singleElement().isEqualTo(hex("41 10 42 10"));
        }
    }

    @Test
    void answersAWrongBccWithNak() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);
        byte[] block = new Block3964R(MAX).encode(ascii("data"));
        block[block.length - 1] ^= 0x01;

        receive(procedure, concat(STX, block));

        assertThat(line.sent()).isEqualTo("1015");
        assertThat(line.events.frames).isEmpty();
        assertThat(line.events.checksumErrors).isEqualTo(1);
        assertThat(procedure.isIdle()).isTrue();
    }

    @Test
    void answersDleFollowedByAStrayCharacterWithNak() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);

        receive(procedure, concat(STX, hex("41 10 41")));

        assertThat(line.sent()).isEqualTo("1015");
        assertThat(line.events.garbage).isEqualTo(3);
        assertThat(procedure.isIdle()).isTrue();
    }

    @Test
    void answersAnOversizeBlockWithNakWithoutStoringIt() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);

        receive(procedure, concat(STX, new Block3964R(MAX + 5).encode(letters(MAX + 1))));
        receive(procedure, concat(STX, new Block3964R(MAX).encode(letters(MAX))));

        assertThat(line.sent()).isEqualTo("1015" + "1010");
        assertThat(line.events.oversize).isEqualTo(1);
        assertThat(line.events.frames).singleElement().isEqualTo(letters(MAX));
    }

    @Test
    void characterTimeoutAbortsTheReceptionWithNak() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);
        receive(procedure, concat(STX, ascii("abc")));
        line.sent();

        advance(procedure, CHAR - 1);
        assertThat(line.sent()).isEmpty();
        advance(procedure, 1);

        assertThat(line.sent()).isEqualTo("15");
        assertThat(line.events.garbage).isEqualTo(3);
        assertThat(procedure.isIdle()).isTrue();
    }

    @Test
    void eachReceivedCharacterRestartsTheCharacterTimeout() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);
        receive(procedure, STX);
        byte[] block = new Block3964R(MAX).encode(ascii("slow"));
        for (byte b : block) {
            advance(procedure, CHAR - 1);
            receive(procedure, new byte[] {b});
        }

        assertThat(line.sent()).isEqualTo("1010");
        assertThat(line.events.texts()).containsExactly("slow");
    }

    @Test
    void countsBytesOtherThanStxWhileIdleAsGarbage() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);

        receive(procedure, hex("10 15 41"));

        assertThat(line.events.garbage).isEqualTo(3);
        assertThat(line.sent()).isEmpty();
    }

    @Test
    void retriesStxAfterTheAckTimeoutAndFailsAfterSixAttempts() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        procedure.submit(ascii("x"), outcome, now);

        for (int attempt = 2; attempt <= 6; attempt++) {
            assertThat(line.sent()).isEqualTo("02");
            advance(procedure, ACK - 1);
            assertThat(line.sent()).isEmpty();
            advance(procedure, 1);
        }

        assertThat(line.sent()).isEqualTo("02");
        assertThat(outcome.results).isEmpty();
        advance(procedure, ACK);
        assertThat(line.sent()).isEmpty();
        assertThat(outcome.results).singleElement().asString()
                .contains("connection failed after 6 STX attempts").contains("no DLE answer to STX within 2000 ms");
        assertThat(procedure.isIdle()).isTrue();
    }

    @Test
    void nakToStxIsAFailedConnectionAttempt() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        procedure.submit(ascii("x"), outcome, now);
        line.sent();

        receive(procedure, NAK);
        assertThat(line.sent()).isEqualTo("02");
        receive(procedure, DLE);
        assertThat(line.sent()).isEqualTo(HexFormat.of().formatHex(new Block3964R(MAX).encode(ascii("x"))));
        receive(procedure, DLE);

        assertThat(outcome.results).containsExactly("ok");
    }

    @Test
    void nakAfterTheBlockRepeatsTheWholeHandshakeUpToSixTimes() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        String block = HexFormat.of().formatHex(new Block3964R(MAX).encode(ascii("retry")));
        procedure.submit(ascii("retry"), outcome, now);

        for (int transmission = 1; transmission <= 6; transmission++) {
            assertThat(line.sent()).as("transmission %d", transmission).isEqualTo("02");
            receive(procedure, DLE);
            assertThat(line.sent()).isEqualTo(block);
            receive(procedure, NAK);
        }

        assertThat(line.sent()).isEmpty();
        assertThat(outcome.results).singleElement().asString()
                .contains("transmission failed after 6 attempts").contains("NAK");
    }

    @Test
    void missingBlockAcknowledgementIsAFailedTransmission() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        procedure.submit(ascii("x"), outcome, now);
        receive(procedure, DLE);
        line.sent();

        advance(procedure, ACK);
        assertThat(line.sent()).isEqualTo("02");
        receive(procedure, DLE);
        line.sent();
        receive(procedure, DLE);

        assertThat(outcome.results).containsExactly("ok");
    }

    @Test
    void highPriorityIgnoresThePartnersStxInAConflict() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        procedure.submit(ascii("mine"), outcome, now);
        line.sent();

        receive(procedure, STX);
        assertThat(line.sent()).isEmpty();
        receive(procedure, DLE);
        line.sent();
        receive(procedure, DLE);

        assertThat(outcome.results).containsExactly("ok");
        assertThat(line.events.frames).isEmpty();
    }

    @Test
    void lowPriorityYieldsReceivesAndThenSends() {
        Procedure3964R procedure = procedure(Priority3964R.LOW);
        procedure.submit(ascii("mine"), outcome, now);
        assertThat(line.sent()).isEqualTo("02");

        receive(procedure, STX);
        assertThat(line.sent()).isEqualTo("10");
        receive(procedure, new Block3964R(MAX).encode(ascii("theirs")));
        assertThat(line.sent()).isEqualTo("10" + "02");
        assertThat(line.events.texts()).containsExactly("theirs");

        receive(procedure, DLE);
        assertThat(line.sent()).isEqualTo(HexFormat.of().formatHex(new Block3964R(MAX).encode(ascii("mine"))));
        receive(procedure, DLE);
        assertThat(outcome.results).containsExactly("ok");
    }

    @Test
    void queuedSendsGoOutInOrder() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        Outcome second = new Outcome();
        procedure.submit(ascii("a"), outcome, now);
        procedure.submit(ascii("b"), second, now);
        assertThat(procedure.pendingSends()).isEqualTo(2);
        assertThat(line.sent()).isEqualTo("02");

        receive(procedure, DLE);
        receive(procedure, DLE);
        assertThat(outcome.results).containsExactly("ok");
        assertThat(line.sent()).endsWith("02");

        receive(procedure, DLE);
        receive(procedure, DLE);
        assertThat(second.results).containsExactly("ok");
    }

    @Test
    void resetFailsTheCurrentAndQueuedSends() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);
        Outcome second = new Outcome();
        procedure.submit(ascii("a"), outcome, now);
        procedure.submit(ascii("b"), second, now);

        procedure.reset("port lost");

        assertThat(outcome.results).containsExactly("failed: port lost");
        assertThat(second.results).containsExactly("failed: port lost");
        assertThat(procedure.isIdle()).isTrue();
        assertThat(procedure.pendingSends()).isZero();
    }

    @Test
    void rejectsOverLongPayloadsBeforeQueueing() {
        Procedure3964R procedure = procedure(Priority3964R.HIGH);

        assertThatThrownBy(() -> procedure.submit(letters(MAX + 1), outcome, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(procedure.pendingSends()).isZero();
        assertThat(line.sent()).isEmpty();
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> new Settings3964R(Priority3964R.LOW, MAX, Duration.ZERO, Duration.ofMillis(1), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackTimeout");
        assertThatThrownBy(() -> new Settings3964R(Priority3964R.LOW, MAX, Duration.ofMillis(1), Duration.ofMillis(1),
                0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectAttempts");
    }
}
