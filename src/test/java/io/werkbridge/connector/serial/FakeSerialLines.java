package io.werkbridge.connector.serial;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory serial ports joined by null-modem cables, for tests without hardware. A port can be
 * unplugged (open fails, open links fail on their next read or write) and plugged back in, and
 * can be made to accept only a few bytes per write, or none.
 */
final class FakeSerialLines implements SerialLinkFactory {

    private final Map<String, Port> ports = new ConcurrentHashMap<>();

    /** Joins two ports, both plugged in. */
    FakeSerialLines cable(String a, String b) {
        Port portA = port(a);
        Port portB = port(b);
        portA.peer = portB;
        portB.peer = portA;
        return this;
    }

    Port port(String path) {
        return ports.computeIfAbsent(path, p -> new Port());
    }

    @Override
    public SerialLink create(SerialSettings settings) {
        return new Link(settings.path(), port(settings.path()));
    }

    static final class Port {
        private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
        private final AtomicInteger plugGeneration = new AtomicInteger();
        private final AtomicInteger opens = new AtomicInteger();
        private volatile boolean plugged = true;
        private volatile int maxBytesPerWrite = Integer.MAX_VALUE;
        private volatile Port peer;

        void unplug() {
            plugged = false;
            plugGeneration.incrementAndGet();
            inbox.clear();
        }

        void plug() {
            plugged = true;
        }

        void maxBytesPerWrite(int max) {
            maxBytesPerWrite = max;
        }

        int opens() {
            return opens.get();
        }

        /** Bytes arriving from the far end of the cable, as if the partner had sent them. */
        void inject(byte[] bytes) {
            inbox.add(bytes.clone());
        }
    }

    private static final class Link implements SerialLink {
        private final String path;
        private final Port port;
        private int generation = -1;
        private byte[] pending = new byte[0];

        Link(String path, Port port) {
            this.path = path;
            this.port = port;
        }

        @Override
        public void open() throws IOException {
            if (!port.plugged) {
                throw new IOException("fake port " + path + " is unplugged");
            }
            generation = port.plugGeneration.get();
            port.opens.incrementAndGet();
        }

        private void checkPlugged() throws IOException {
            if (generation < 0 || generation != port.plugGeneration.get()) {
                throw new IOException("fake port " + path + " was unplugged");
            }
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) throws IOException {
            checkPlugged();
            if (pending.length == 0) {
                try {
                    byte[] next = port.inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        return 0;
                    }
                    pending = next;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            int count = Math.min(buffer.length, pending.length);
            System.arraycopy(pending, 0, buffer, 0, count);
            pending = Arrays.copyOfRange(pending, count, pending.length);
            return count;
        }

        @Override
        public int write(byte[] data, int offset, int length) throws IOException {
            checkPlugged();
            int count = Math.min(length, port.maxBytesPerWrite);
            Port peer = port.peer;
            if (count > 0 && peer != null && peer.plugged) {
                peer.inbox.add(Arrays.copyOfRange(data, offset, offset + count));
            }
            return count;
        }

        @Override
        public void close() {
            generation = -1;
        }
    }
}
