package io.werkbridge.connector.serial.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the payloads and however the stream is chunked, decode(encode(x)) gives x back. */
class CodecRoundTripProperties {

    private static final int MAX = 64;

    @Provide
    Arbitrary<List<byte[]>> textPayloads() {
        return Arbitraries.bytes().filter(b -> b != ControlChars.CR && b != ControlChars.LF)
                .array(byte[].class).ofMinSize(1).ofMaxSize(MAX).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<byte[]>> stxEtxPayloads() {
        return Arbitraries.bytes().filter(b -> b != ControlChars.STX && b != ControlChars.ETX)
                .array(byte[].class).ofMaxSize(MAX).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<byte[]>> modbusPayloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(2).ofMaxSize(MAX).list().ofMaxSize(20);
    }

    @Property
    void lineRoundTrips(@ForAll("textPayloads") List<byte[]> payloads, @ForAll long chunkSeed) {
        RecordingListener listener = new RecordingListener();
        feedInRandomChunks(new LineDecoder(listener, MAX), encodeAll(new LineEncoder(MAX), payloads), chunkSeed);

        assertThat(listener.frames).containsExactlyElementsOf(payloads);
    }

    @Property
    void stxEtxRoundTrips(@ForAll("stxEtxPayloads") List<byte[]> payloads, @ForAll long chunkSeed) {
        RecordingListener listener = new RecordingListener();
        feedInRandomChunks(new StxEtxDecoder(listener, MAX), encodeAll(new StxEtxEncoder(MAX), payloads), chunkSeed);

        assertThat(listener.frames).containsExactlyElementsOf(payloads);
        assertThat(listener.garbage + listener.checksumErrors + listener.oversize).isZero();
    }

    /** All frames glued without silence: the CRC split must still recover every frame. */
    @Property
    void modbusRecoversGluedFrames(@ForAll("modbusPayloads") List<byte[]> payloads, @ForAll long chunkSeed) {
        RecordingListener listener = new RecordingListener();
        ModbusRtuDecoder decoder = new ModbusRtuDecoder(listener, MAX, ModbusTiming.forLine(115_200, 10));
        // at most GLUED_FRAMES_PER_BLOCK maximum frames fit one block, so flush every four frames
        for (int from = 0; from < payloads.size(); from += ModbusRtuDecoder.GLUED_FRAMES_PER_BLOCK) {
            List<byte[]> group = payloads.subList(from,
                    Math.min(payloads.size(), from + ModbusRtuDecoder.GLUED_FRAMES_PER_BLOCK));
            feedInRandomChunks(decoder, encodeAll(new ModbusRtuEncoder(MAX), group), chunkSeed + from);
            decoder.endOfBlock();
        }

        assertThat(listener.frames).containsExactlyElementsOf(payloads);
        assertThat(listener.checksumErrors + listener.oversize + listener.garbage).isZero();
    }

    private static byte[] encodeAll(FrameEncoder encoder, List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payloads.forEach(p -> out.writeBytes(encoder.encode(p)));
        return out.toByteArray();
    }

    private static void feedInRandomChunks(FrameDecoder decoder, byte[] stream, long seed) {
        Random random = new Random(seed);
        int offset = 0;
        while (offset < stream.length) {
            int length = Math.min(stream.length - offset, random.nextInt(8));
            decoder.decode(stream, offset, length, 0);
            offset += length;
        }
    }
}
