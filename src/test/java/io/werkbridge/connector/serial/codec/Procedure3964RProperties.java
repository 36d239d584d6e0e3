package io.werkbridge.connector.serial.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Two procedures, one HIGH and one LOW, wired back to back on a simulated line with a simulated
 * clock. Both send at random moments, so initialization conflicts happen; the line delivers in
 * random chunks. Every payload must arrive once, in order, and every send must succeed.
 */
class Procedure3964RProperties {

    private static final int MAX = 40;
    private static final long STEP = 1_000_000L;

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        // DLE-heavy: a quarter of the bytes are DLE
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(ControlChars.DLE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes()));
        return bytes.array(byte[].class).ofMaxSize(MAX).list().ofMinSize(1).ofMaxSize(15);
    }

    private static final class Side implements Procedure3964R.Transmitter, FrameListener, Procedure3964R.SendCallback {
        final ArrayDeque<Byte> toPartner = new ArrayDeque<>();
        final List<byte[]> received = new ArrayList<>();
        final Procedure3964R procedure;
        int succeeded;
        final List<String> failures = new ArrayList<>();

        Side(Priority3964R priority) {
            procedure = new Procedure3964R(this, this, Settings3964R.defaults(priority, MAX));
        }

        @Override
        public void transmit(byte[] bytes) {
            for (byte b : bytes) {
                toPartner.add(b);
            }
        }

        @Override
        public void onFrame(byte[] payload) {
            received.add(payload);
        }

        @Override
        public void onGarbage(int byteCount) {
            // a conflict makes the HIGH side see nothing unexpected; garbage is allowed but not required
        }

        @Override
        public void onChecksumError() {
            failures.add("checksum error");
        }

        @Override
        public void onOversizeFrame() {
            failures.add("oversize");
        }

        @Override
        public void succeeded() {
            succeeded++;
        }

        @Override
        public void failed(String reason) {
            failures.add(reason);
        }
    }

    @Property(tries = 300)
    void bothDirectionsDeliverEverythingOnceInOrder(@ForAll("payloads") List<byte[]> fromHigh,
                                                     @ForAll("payloads") List<byte[]> fromLow,
                                                     @ForAll long seed) {
        Random random = new Random(seed);
        Side high = new Side(Priority3964R.HIGH);
        Side low = new Side(Priority3964R.LOW);
        long now = 0;
        int nextHigh = 0;
        int nextLow = 0;
        for (int step = 0; step < 200_000 && !done(high, low, fromHigh, fromLow); step++) {
            now += STEP;
            if (nextHigh < fromHigh.size() && random.nextInt(4) == 0) {
                high.procedure.submit(fromHigh.get(nextHigh++), high, now);
            }
            if (nextLow < fromLow.size() && random.nextInt(4) == 0) {
                low.procedure.submit(fromLow.get(nextLow++), low, now);
            }
            deliver(random, high, low, now);
            deliver(random, low, high, now);
            high.procedure.onTick(now);
            low.procedure.onTick(now);
        }

        assertThat(high.failures).isEmpty();
        assertThat(low.failures).isEmpty();
        assertThat(low.received).containsExactlyElementsOf(fromHigh);
        assertThat(high.received).containsExactlyElementsOf(fromLow);
        assertThat(high.succeeded).isEqualTo(fromHigh.size());
        assertThat(low.succeeded).isEqualTo(fromLow.size());
    }

    private static boolean done(Side high, Side low, List<byte[]> fromHigh, List<byte[]> fromLow) {
        return high.succeeded + high.failures.size() == fromHigh.size()
                && low.succeeded + low.failures.size() == fromLow.size();
    }

    private static void deliver(Random random, Side from, Side to, long now) {
        int count = Math.min(from.toPartner.size(), random.nextInt(6));
        byte[] chunk = new byte[count];
        for (int i = 0; i < count; i++) {
            chunk[i] = from.toPartner.poll();
        }
        to.procedure.onBytes(chunk, 0, count, now);
    }
}
