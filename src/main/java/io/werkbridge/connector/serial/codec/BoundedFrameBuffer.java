package io.werkbridge.connector.serial.codec;

import java.util.Arrays;

/**
 * A byte accumulator that never grows beyond a fixed capacity. It starts small and doubles up to
 * the capacity, so a decoder configured for large frames does not pay for them up front. Every
 * append checks the length first and refuses (returns {@code false}) instead of growing past the
 * bound.
 */
public final class BoundedFrameBuffer {

    private static final int INITIAL_SIZE = 64;

    private final int capacity;
    private byte[] bytes;
    private int length;

    public BoundedFrameBuffer(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.bytes = new byte[Math.min(capacity, INITIAL_SIZE)];
    }

    /** Appends one byte; returns {@code false} and stores nothing if the buffer is full. */
    public boolean append(byte b) {
        if (length == bytes.length && !growTo(length + 1)) {
            return false;
        }
        bytes[length++] = b;
        return true;
    }

    /** Appends all of {@code src[offset, offset+count)} or, if that would exceed the capacity, nothing. */
    public boolean append(byte[] src, int offset, int count) {
        if (count > capacity - length) {
            return false;
        }
        if (length + count > bytes.length) {
            growTo(length + count);
        }
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
        return true;
    }

    private boolean growTo(int minimum) {
        if (minimum > capacity) {
            return false;
        }
        int size = (int) Math.min(capacity, Math.max(minimum, bytes.length * 2L));
        bytes = Arrays.copyOf(bytes, size);
        return true;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public int capacity() {
        return capacity;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
        }
        return bytes[index];
    }

    /** The backing array, valid in {@code [0, length())}; for codecs that scan it without copying. */
    byte[] backingArray() {
        return bytes;
    }

    /** A copy of the bytes held. */
    public byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** A copy of the bytes in {@code [from, to)}. */
    public byte[] copyRange(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside [0, " + length + ")");
        }
        return Arrays.copyOfRange(bytes, from, to);
    }

    public void clear() {
        length = 0;
    }
}
