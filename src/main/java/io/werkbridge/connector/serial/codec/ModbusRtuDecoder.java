package io.werkbridge.connector.serial.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes Modbus RTU frames: {@code payload CRC-lo CRC-hi}, delimited by at least t3.5 of silence
 * (see {@link ModbusTiming}); the emitted payload is the frame without its CRC.
 *
 * <p><b>Silence.</b> The decoder is told the time each chunk was read. A chunk of {@code n} bytes
 * read at {@code t} started arriving at about {@code t - n * characterTime}; if that is at least
 * t3.5 after the previous chunk, the bytes held so far form a block. {@link #onIdle(long)} closes
 * a block once t3.5 has passed since its last byte; the reader calls it when a read times out.
 *
 * <p><b>Glued frames.</b> A loaded operating system, a USB adapter's latency timer or a
 * pseudo-terminal can hand over several frames in one read with the silence between them lost.
 * A block is therefore split into consecutive pieces that each carry a valid CRC (each 4 to
 * {@code maxFrameLength + 2} bytes): first greedily, each piece ending at the first position where
 * the CRC checks (one pass over the block, which also covers the normal single frame); if that
 * does not end exactly at the block's end, into the largest number of valid pieces (a search over
 * all ends where a CRC checks). A block that validates as a whole and cannot be split is one frame. A random split point passes a 16-bit CRC with probability
 * 1/65536 and the rest of the block must then pass too, so false splits are negligible. A block
 * that cannot be covered by valid frames is one checksum error and is dropped whole.
 *
 * <p><b>Bounds.</b> A block holds at most {@value #GLUED_FRAMES_PER_BLOCK} maximum-length frames;
 * bytes beyond that without a silence are discarded up to the next silence and counted as one
 * oversize frame. A CRC-valid frame longer than {@code maxFrameLength} payload bytes is counted as
 * oversize. A block shorter than 4 bytes (address, function, CRC) is garbage.
 *
 * <p>Known limit: a USB adapter that delivers one frame in pieces with gaps longer than t3.5
 * (e.g. an FTDI latency timer of 16 ms at 9600 baud) splits it; set the adapter's latency timer to
 * 1 ms for Modbus RTU.
 */
public final class ModbusRtuDecoder implements FrameDecoder {

    /** Frames of maximum length one block may hold before it counts as oversize. */
    public static final int GLUED_FRAMES_PER_BLOCK = 4;

    private static final int CRC_LENGTH = 2;
    private static final int MIN_FRAME_LENGTH = ModbusRtuEncoder.MIN_PAYLOAD_LENGTH + CRC_LENGTH;

    private final FrameListener listener;
    private final int maxFrameLength;
    private final ModbusTiming timing;
    private final BoundedFrameBuffer block;
    private boolean overflow;
    private long lastByteNanos;
    private int[] pieces = new int[0];
    private int[] pieceStart = new int[0];
    private int[] greedyEnds = new int[0];

    public ModbusRtuDecoder(FrameListener listener, int maxFrameLength, ModbusTiming timing) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength);
        this.timing = Objects.requireNonNull(timing, "timing");
        this.block = new BoundedFrameBuffer(GLUED_FRAMES_PER_BLOCK * (maxFrameLength + CRC_LENGTH));
    }

    @Override
    public void decode(byte[] data, int offset, int length, long nanoTime) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            return;
        }
        if (holdsBytes() && nanoTime - timing.transmitNanos(length) - lastByteNanos >= timing.silenceNanos()) {
            endOfBlock();
        }
        if (!overflow && !block.append(data, offset, length)) {
            overflow = true;
            block.clear();
        }
        lastByteNanos = nanoTime;
    }

    @Override
    public void onIdle(long nanoTime) {
        if (holdsBytes() && nanoTime - lastByteNanos >= timing.silenceNanos()) {
            endOfBlock();
        }
    }

    /** Closes the current block now, as if t3.5 had passed. */
    public void endOfBlock() {
        if (overflow) {
            overflow = false;
            listener.onOversizeFrame();
        } else if (block.length() < MIN_FRAME_LENGTH) {
            if (!block.isEmpty()) {
                listener.onGarbage(block.length());
            }
        } else if (!splitGreedily()) {
            splitBlock();
        }
        block.clear();
    }

    @Override
    public boolean awaitsIdle() {
        return holdsBytes();
    }

    private boolean holdsBytes() {
        return overflow || !block.isEmpty();
    }

    /**
     * Cuts the block at the first CRC-valid end, again and again; succeeds only if the cuts end
     * exactly at the block's end. One CRC pass over the block.
     */
    private boolean splitGreedily() {
        int n = block.length();
        byte[] bytes = block.backingArray();
        int maxPiece = maxFrameLength + CRC_LENGTH;
        int count = 0;
        int start = 0;
        while (start < n) {
            int limit = (int) Math.min(n, (long) start + maxPiece);
            int crc = Crc16Modbus.INITIAL;
            int end = -1;
            for (int j = start; j < limit; j++) {
                crc = Crc16Modbus.update(crc, bytes[j]);
                if (crc == 0 && j + 1 - start >= MIN_FRAME_LENGTH) {
                    end = j + 1;
                    break;
                }
            }
            if (end < 0) {
                return false;
            }
            if (count == greedyEnds.length) {
                greedyEnds = Arrays.copyOf(greedyEnds, Math.max(4, count * 2));
            }
            greedyEnds[count++] = end;
            start = end;
        }
        emit(greedyEnds, count);
        return true;
    }

    /**
     * Finds the cover of the block by CRC-valid frames with the most pieces: pieces[j] is the
     * most frames that end exactly at j (-1: none). Only reachable starts are scanned, so a
     * normal single-frame block costs one CRC pass.
     */
    private void splitBlock() {
        int n = block.length();
        byte[] bytes = block.backingArray();
        ensureWorkspace(n + 1);
        Arrays.fill(pieces, 0, n + 1, -1);
        pieces[0] = 0;
        int maxPiece = maxFrameLength + CRC_LENGTH;
        for (int start = 0; start < n; start++) {
            if (pieces[start] < 0) {
                continue;
            }
            int crc = Crc16Modbus.INITIAL;
            int limit = (int) Math.min(n, (long) start + maxPiece);
            for (int j = start; j < limit; j++) {
                crc = Crc16Modbus.update(crc, bytes[j]);
                int end = j + 1;
                if (crc == 0 && end - start >= MIN_FRAME_LENGTH && pieces[start] + 1 > pieces[end]) {
                    pieces[end] = pieces[start] + 1;
                    pieceStart[end] = start;
                }
            }
        }
        if (pieces[n] > 0) {
            emitPieces(n);
        } else if (n > maxPiece && Crc16Modbus.compute(bytes, 0, n) == 0) {
            listener.onOversizeFrame();
        } else {
            listener.onChecksumError();
        }
    }

    private void emitPieces(int n) {
        int count = pieces[n];
        int[] ends = new int[count];
        for (int end = n, k = count - 1; k >= 0; end = pieceStart[end], k--) {
            ends[k] = end;
        }
        emit(ends, count);
    }

    private void emit(int[] ends, int count) {
        int start = 0;
        for (int k = 0; k < count; k++) {
            listener.onFrame(block.copyRange(start, ends[k] - CRC_LENGTH));
            start = ends[k];
        }
    }

    private void ensureWorkspace(int size) {
        if (pieces.length < size) {
            pieces = new int[size];
            pieceStart = new int[size];
        }
    }

    @Override
    public void reset() {
        block.clear();
        overflow = false;
    }
}
