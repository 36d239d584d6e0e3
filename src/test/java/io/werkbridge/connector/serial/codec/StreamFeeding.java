package io.werkbridge.connector.serial.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

/** Feeds one stream to fresh decoders split at every position, and checks each gives what the whole gives. */
final class StreamFeeding {

    private StreamFeeding() {
    }

    /** Outcome of one decode run, comparable across runs. */
    record Outcome(List<String> frames, long garbage, int checksumErrors, int oversize) {
        static Outcome of(RecordingListener listener) {
            return new Outcome(listener.texts(), listener.garbage, listener.checksumErrors, listener.oversize);
        }
    }

    static Outcome decodeWhole(Function<FrameListener, FrameDecoder> decoders, byte[] stream) {
        RecordingListener listener = new RecordingListener();
        decoders.apply(listener).decode(stream, 0, stream.length, 0);
        return Outcome.of(listener);
    }

    /** Splits {@code stream} in two at every position, and into single bytes, and compares with the whole. */
    static Outcome assertSplitInvariant(Function<FrameListener, FrameDecoder> decoders, byte[] stream) {
        Outcome whole = decodeWhole(decoders, stream);
        for (int split = 0; split <= stream.length; split++) {
            RecordingListener listener = new RecordingListener();
            FrameDecoder decoder = decoders.apply(listener);
            decoder.decode(stream, 0, split, 0);
            decoder.decode(stream, split, stream.length - split, 0);
            assertThat(Outcome.of(listener)).as("split at %d", split).isEqualTo(whole);
        }
        RecordingListener listener = new RecordingListener();
        FrameDecoder decoder = decoders.apply(listener);
        for (int i = 0; i < stream.length; i++) {
            decoder.decode(stream, i, 1, 0);
        }
        assertThat(Outcome.of(listener)).as("byte by byte").isEqualTo(whole);
        return whole;
    }
}
