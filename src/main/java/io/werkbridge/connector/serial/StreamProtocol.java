package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.FrameDecoder;
import io.werkbridge.connector.serial.codec.FrameEncoder;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A framing without handshake (line, stx-etx, modbus-rtu): a decoder on the read side, an encoder
 * on the write side. While a time-framed decoder waits for a silence, reads wait only
 * {@code silenceReadTimeoutMillis}; otherwise {@link Protocols#IDLE_READ_TIMEOUT_MILLIS}. For
 * Modbus RTU, {@code silenceNanos > 0} keeps at least that much silence after each frame's
 * estimated time on the wire before the next frame is written.
 */
final class StreamProtocol implements LinkProtocol {

    /** How an encoded frame goes onto the line; plain framings write it in one go. */
    @FunctionalInterface
    interface Transmitter {
        void transmit(byte[] frame, LineWriter writer) throws IOException;
    }

    private final FrameDecoder decoder;
    private final FrameEncoder encoder;
    private final LineWriter writer;
    private final int silenceReadTimeoutMillis;
    private final long characterNanos;
    private final long silenceNanos;
    private final LongSupplier clock;
    private final Transmitter transmitter;
    private final Object sendLock = new Object();
    private long nextSendNanos;

    StreamProtocol(FrameDecoder decoder, FrameEncoder encoder, LineWriter writer, int silenceReadTimeoutMillis,
                   long characterNanos, long silenceNanos, LongSupplier clock) {
        this(decoder, encoder, writer, silenceReadTimeoutMillis, characterNanos, silenceNanos, clock,
                (frame, out) -> out.write(frame));
    }

    StreamProtocol(FrameDecoder decoder, FrameEncoder encoder, LineWriter writer, int silenceReadTimeoutMillis,
                   long characterNanos, long silenceNanos, LongSupplier clock, Transmitter transmitter) {
        this.transmitter = Objects.requireNonNull(transmitter, "transmitter");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.silenceReadTimeoutMillis = silenceReadTimeoutMillis;
        this.characterNanos = characterNanos;
        this.silenceNanos = silenceNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextSendNanos = clock.getAsLong();
    }

    @Override
    public int readTimeoutMillis() {
        return decoder.awaitsIdle() ? silenceReadTimeoutMillis : Protocols.IDLE_READ_TIMEOUT_MILLIS;
    }

    @Override
    public void onConnected(long nanoTime) {
        decoder.reset();
    }

    @Override
    public void onBytes(byte[] data, int offset, int length, long nanoTime) {
        decoder.decode(data, offset, length, nanoTime);
    }

    @Override
    public void onIdle(long nanoTime) {
        decoder.onIdle(nanoTime);
    }

    @Override
    public void onDisconnected(String reason) {
        decoder.reset();
    }

    @Override
    public void send(byte[] payload) throws IOException {
        byte[] frame = encoder.encode(payload);
        synchronized (sendLock) {
            if (silenceNanos > 0) {
                awaitSilence();
            }
            transmitter.transmit(frame, writer);
            nextSendNanos = clock.getAsLong() + frame.length * characterNanos + silenceNanos;
        }
    }

    private void awaitSilence() {
        long wait;
        while ((wait = nextSendNanos - clock.getAsLong()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
