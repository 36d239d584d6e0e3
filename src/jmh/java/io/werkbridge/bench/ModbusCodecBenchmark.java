package io.werkbridge.bench;

import io.werkbridge.connector.modbus.Mbap;
import io.werkbridge.connector.modbus.ModbusDataType;
import io.werkbridge.connector.modbus.ModbusException;
import io.werkbridge.connector.modbus.ModbusFunction;
import io.werkbridge.connector.modbus.ModbusPdu;
import io.werkbridge.connector.modbus.ReadRequest;
import io.werkbridge.connector.modbus.RegisterValues;
import io.werkbridge.connector.modbus.WordOrder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The Modbus master's codec on one thread: one operation reads a 1 MiB stream of Modbus TCP responses to
 * 125-register reads (the largest, 259 bytes each) frame by frame ({@link Mbap#read}), checks each against its
 * request ({@link ModbusPdu#data}) and turns its registers into values: {@code mbapToRegisters} as 125 uint16
 * registers, {@code mbapToFloats} as 62 float32 values with a scale (the costlier {@link RegisterValues} path). The
 * {@code bytes} counter gives wire bytes per µs, i.e. MB/s. (RTU frames take the same PDU path after the serial
 * framing's CRC, measured by {@code DecoderBenchmark}.)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModbusCodecBenchmark {

    private static final int STREAM_BYTES = 1 << 20;
    private static final ReadRequest READ = new ReadRequest(1, ModbusFunction.READ_HOLDING_REGISTERS, 0, 125);
    private static final BigDecimal SCALE = new BigDecimal("0.1");

    @State(Scope.Thread)
    public static class Stream {
        byte[] bytes;

        @Setup(Level.Trial)
        public void build() {
            Random random = new Random(42);
            ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES + 512);
            for (int id = 0; out.size() < STREAM_BYTES; id++) {
                byte[] pdu = new byte[2 + 250];
                pdu[0] = 0x03;
                pdu[1] = (byte) 250;
                for (int i = 2; i < pdu.length; i += 4) {
                    // finite floats, so every value is decoded, none skipped as NaN
                    int bits = Float.floatToIntBits(random.nextFloat() * 10_000f);
                    pdu[i] = (byte) (bits >>> 24);
                    pdu[i + 1] = (byte) (bits >>> 16);
                    if (i + 2 < pdu.length) {
                        pdu[i + 2] = (byte) (bits >>> 8);
                        pdu[i + 3] = (byte) bits;
                    }
                }
                out.writeBytes(Mbap.encode(id & 0xFFFF, 1, pdu));
            }
            bytes = out.toByteArray();
        }
    }

    @Benchmark
    public void mbapToRegisters(Stream stream, DecoderBenchmark.Throughput throughput, Blackhole blackhole)
            throws IOException, ModbusException {
        ByteArrayInputStream in = new ByteArrayInputStream(stream.bytes);
        while (in.available() > 0) {
            blackhole.consume(ModbusPdu.registers(ModbusPdu.data(READ, Mbap.read(in).pdu())));
        }
        throughput.bytes += stream.bytes.length;
    }

    @Benchmark
    public void mbapToFloats(Stream stream, DecoderBenchmark.Throughput throughput, Blackhole blackhole)
            throws IOException, ModbusException {
        ByteArrayInputStream in = new ByteArrayInputStream(stream.bytes);
        while (in.available() > 0) {
            byte[] data = ModbusPdu.data(READ, Mbap.read(in).pdu());
            for (int i = 0; i + 4 <= data.length; i += 4) {
                blackhole.consume(RegisterValues.decode(Arrays.copyOfRange(data, i, i + 4), ModbusDataType.FLOAT32,
                        WordOrder.BIG, WordOrder.BIG, SCALE));
            }
        }
        throughput.bytes += stream.bytes.length;
    }
}
