package io.werkbridge.bench;

import io.werkbridge.connector.serial.codec.Block3964R;
import io.werkbridge.connector.serial.codec.ControlChars;
import io.werkbridge.connector.serial.codec.FrameEncoder;
import io.werkbridge.connector.serial.codec.FrameListener;
import io.werkbridge.connector.serial.codec.LineDecoder;
import io.werkbridge.connector.serial.codec.LineEncoder;
import io.werkbridge.connector.serial.codec.ModbusRtuDecoder;
import io.werkbridge.connector.serial.codec.ModbusRtuEncoder;
import io.werkbridge.connector.serial.codec.ModbusTiming;
import io.werkbridge.connector.serial.codec.Priority3964R;
import io.werkbridge.connector.serial.codec.Procedure3964R;
import io.werkbridge.connector.serial.codec.Settings3964R;
import io.werkbridge.connector.serial.codec.StxEtxDecoder;
import io.werkbridge.connector.serial.codec.StxEtxEncoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding throughput of each serial codec on one thread. One operation decodes a 1 MiB stream of
 * 64-byte payloads; the {@code bytes} counter is reported in bytes per microsecond, which is MB/s
 * (10^6 bytes per second) of wire bytes decoded.
 *
 * <ul>
 *   <li>line, stx-etx, 3964r: the stream is fed in 4096-byte reads, split anywhere;</li>
 *   <li>modbus-rtu: one read per frame with t3.5 of silence between, as from a real line
 *       ({@code modbusRtu}); and four frames glued into one read, which takes the CRC split
 *       path ({@code modbusRtuGlued}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {

    private static final int STREAM_BYTES = 1 << 20;
    private static final int PAYLOAD_BYTES = 64;
    private static final int READ_BYTES = 4096;
    private static final int MAX_FRAME = 4096;

    /** Wire bytes decoded, reported per time unit. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /** Passes frames to the blackhole; counts nothing else. */
    static class Sink implements FrameListener {
        Blackhole blackhole;

        @Override
        public void onFrame(byte[] payload) {
            blackhole.consume(payload);
        }

        @Override
        public void onGarbage(int byteCount) {
            throw new IllegalStateException("benchmark stream has no garbage");
        }

        @Override
        public void onChecksumError() {
            throw new IllegalStateException("benchmark stream has no checksum errors");
        }

        @Override
        public void onOversizeFrame() {
            throw new IllegalStateException("benchmark stream has no oversize frames");
        }
    }

    @State(Scope.Thread)
    public static class Streams {
        final Sink sink = new Sink();
        final LineDecoder line = new LineDecoder(sink, MAX_FRAME);
        final StxEtxDecoder stxEtx = new StxEtxDecoder(sink, MAX_FRAME);
        final ModbusTiming timing = ModbusTiming.forLine(115_200, 10);
        final ModbusRtuDecoder modbus = new ModbusRtuDecoder(sink, MAX_FRAME, timing);
        final Procedure3964R siemens = new Procedure3964R(bytes -> { }, sink,
                Settings3964R.defaults(Priority3964R.LOW, MAX_FRAME));
        byte[] lineStream;
        byte[] stxEtxStream;
        byte[] siemensStream;
        List<byte[]> modbusFrames;
        List<byte[]> modbusGluedBlocks;
        long clock;

        @Setup
        public void build(Blackhole blackhole) {
            sink.blackhole = blackhole;
            Random random = new Random(42);
            lineStream = stream(new LineEncoder(MAX_FRAME), () -> printable(random), new byte[0]);
            stxEtxStream = stream(new StxEtxEncoder(MAX_FRAME), () -> printable(random), new byte[0]);
            siemensStream = stream(new Block3964R(MAX_FRAME), () -> binary(random), new byte[] {ControlChars.STX});
            ModbusRtuEncoder modbusEncoder = new ModbusRtuEncoder(MAX_FRAME);
            modbusFrames = new ArrayList<>();
            for (int total = 0; total < STREAM_BYTES; ) {
                byte[] frame = modbusEncoder.encode(binary(random));
                modbusFrames.add(frame);
                total += frame.length;
            }
            modbusGluedBlocks = new ArrayList<>();
            for (int i = 0; i + 4 <= modbusFrames.size(); i += 4) {
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                modbusFrames.subList(i, i + 4).forEach(block::writeBytes);
                modbusGluedBlocks.add(block.toByteArray());
            }
        }

        private static byte[] stream(FrameEncoder encoder, java.util.function.Supplier<byte[]> payloads, byte[] prefix) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES + 256);
            while (out.size() < STREAM_BYTES) {
                out.writeBytes(prefix);
                out.writeBytes(encoder.encode(payloads.get()));
            }
            return out.toByteArray();
        }

        private static byte[] printable(Random random) {
            byte[] payload = new byte[PAYLOAD_BYTES];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (' ' + random.nextInt(95));
            }
            return payload;
        }

        private static byte[] binary(Random random) {
            byte[] payload = new byte[PAYLOAD_BYTES];
            random.nextBytes(payload);
            return payload;
        }
    }

    static void feed(io.werkbridge.connector.serial.codec.FrameDecoder decoder, byte[] stream) {
        for (int offset = 0; offset < stream.length; offset += READ_BYTES) {
            decoder.decode(stream, offset, Math.min(READ_BYTES, stream.length - offset), 0);
        }
    }

    @Benchmark
    public void line(Streams streams, Throughput throughput) {
        feed(streams.line, streams.lineStream);
        throughput.bytes += streams.lineStream.length;
    }

    @Benchmark
    public void stxEtx(Streams streams, Throughput throughput) {
        feed(streams.stxEtx, streams.stxEtxStream);
        throughput.bytes += streams.stxEtxStream.length;
    }

    @Benchmark
    public void siemens3964r(Streams streams, Throughput throughput) {
        byte[] stream = streams.siemensStream;
        for (int offset = 0; offset < stream.length; offset += READ_BYTES) {
            streams.siemens.onBytes(stream, offset, Math.min(READ_BYTES, stream.length - offset), 0);
        }
        throughput.bytes += stream.length;
    }

    @Benchmark
    public void modbusRtu(Streams streams, Throughput throughput) {
        long gap = streams.timing.silenceNanos() + 1;
        long bytes = 0;
        for (byte[] frame : streams.modbusFrames) {
            streams.clock += streams.timing.transmitNanos(frame.length) + gap;
            streams.modbus.decode(frame, 0, frame.length, streams.clock);
            bytes += frame.length;
        }
        throughput.bytes += bytes;
    }

    @Benchmark
    public void modbusRtuGlued(Streams streams, Throughput throughput) {
        long bytes = 0;
        for (byte[] block : streams.modbusGluedBlocks) {
            streams.modbus.decode(block, 0, block.length, streams.clock);
            streams.modbus.endOfBlock();
            bytes += block.length;
        }
        throughput.bytes += bytes;
    }
}
