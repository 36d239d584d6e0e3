package io.werkbridge.bench;

import io.werkbridge.connector.serial.codec.CodeParity;
import io.werkbridge.connector.serial.codec.FrameRejection;
import io.werkbridge.connector.serial.codec.NcProgramDecoder;
import io.werkbridge.connector.serial.codec.NcProgramEncoder;
import io.werkbridge.connector.serial.codec.NcTapeSettings;
import io.werkbridge.connector.serial.codec.StartCondition;
import io.werkbridge.connector.serial.nc.NcProgramText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The NC program reader on one thread: one operation reads five tapes of a 200 KB program (ISO code with the even
 * parity bit, leader and trailer), fed in 4096-byte reads. {@code decode}: the {@code nc-program} framing alone (parity,
 * line and length checks, cutting out); {@code decodeAndParse}: also the program text into lines of code and comment,
 * as the hub does before publishing. Fed in 4096-byte reads like {@link DecoderBenchmark}; its {@code bytes} counter is
 * wire bytes per µs, i.e. MB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NcProgramBenchmark {

    private static final int PROGRAM_BYTES = 200 * 1024;
    private static final int TAPES = 5;
    private static final NcTapeSettings SETTINGS = new NcTapeSettings(1 << 20, 256, CodeParity.EVEN, 50, Duration.ZERO,
            StartCondition.XON, Duration.ofSeconds(60), Duration.ofSeconds(10));

    /** Hands each program to the blackhole, parsed or not; any error or refusal is a broken benchmark. */
    static final class Reader extends DecoderBenchmark.Sink {
        boolean parse;

        @Override
        public void onFrame(byte[] program) {
            if (parse) {
                blackhole.consume(NcProgramText.parse(program));
            } else {
                super.onFrame(program);
            }
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            throw new IllegalStateException(rejection.reason());
        }
    }

    @State(Scope.Thread)
    public static class Tapes {
        final Reader reader = new Reader();
        final NcProgramDecoder decoder = new NcProgramDecoder(reader, SETTINGS);
        byte[] stream;

        @Setup
        public void build(Blackhole blackhole) {
            reader.blackhole = blackhole;
            StringBuilder program = new StringBuilder("O4711\n(PROGRAMMER: ERIKA BEISPIEL)\n");
            for (int n = 10; program.length() < PROGRAM_BYTES; n += 10) {
                program.append('N').append(n).append(n % 500 == 0 ? " (FACE MILL D50)" : "").append(" G1 X")
                        .append(n % 997).append(".5 Y-").append(n % 311).append(" F250\n");
            }
            byte[] tape = new NcProgramEncoder(SETTINGS).encode(program.toString().getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream(TAPES * tape.length);
            for (int i = 0; i < TAPES; i++) {
                out.writeBytes(tape);
            }
            stream = out.toByteArray();
        }
    }

    private static void feed(Tapes tapes, boolean parse, DecoderBenchmark.Throughput throughput) {
        tapes.reader.parse = parse;
        DecoderBenchmark.feed(tapes.decoder, tapes.stream);
        throughput.bytes += tapes.stream.length;
    }

    @Benchmark
    public void decode(Tapes tapes, DecoderBenchmark.Throughput throughput) {
        feed(tapes, false, throughput);
    }

    @Benchmark
    public void decodeAndParse(Tapes tapes, DecoderBenchmark.Throughput throughput) {
        feed(tapes, true, throughput);
    }
}
