package io.werkbridge.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 on a bare socket, for what an ordinary client will not send: header bytes that are not ASCII, a body far
 * larger than the hub accepts (written from a generator while the answer is read, so an early answer is seen even
 * though the hub stops reading).
 */
final class RawHttp {

    /** @param status the answer's status, @param text the whole answer (head and body) as ISO-8859-1 */
    record Answer(int status, String text, long bytesSent) {
    }

    private RawHttp() {
    }

    /**
     * Sends {@code head} (request line and headers, each line ending CRLF, without the empty line) and then
     * {@code body} ({@code null}: none). The answer is read until the hub closes the connection.
     */
    static Answer exchange(int port, byte[] head, InputStream body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                if (body == null) {
                    return;
                }
                byte[] buffer = new byte[64 * 1024];
                try (body) {
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        sent.addAndGet(n);
                    }
                    out.flush();
                } catch (IOException stoppedByTheHub) {
                    // the hub answered and closed the connection before the body was through: what the test expects
                }
            }, "raw-http-writer");
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                if (answer.size() == 0) {
                    throw reset;
                }
                // the connection was reset after the answer arrived (the hub stopped reading the body)
            }
            writer.join(60_000);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text, sent.get());
        }
    }

    /** A stream of {@code prefix}, then {@code filler} repeated up to {@code size} bytes in all, then {@code suffix}. */
    static InputStream generated(String prefix, String filler, long size, String suffix) {
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] fill = filler.getBytes(StandardCharsets.UTF_8);
        byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
        long fillerBytes = size - start.length - end.length;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                long total = start.length + fillerBytes + end.length;
                if (position >= total) {
                    return -1;
                }
                long p = position++;
                if (p < start.length) {
                    return start[(int) p];
                }
                p -= start.length;
                if (p < fillerBytes) {
                    return fill[(int) (p % fill.length)];
                }
                return end[(int) (p - fillerBytes)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                for (int b; n < length && (b = read()) >= 0; n++) {
                    buffer[offset + n] = (byte) b;
                }
                return n == 0 && length > 0 ? -1 : n;
            }
        };
    }

    /** Wraps a stream in HTTP/1.1 chunks of up to 64 KiB, ending with the last chunk. */
    static InputStream chunked(InputStream body) {
        return new InputStream() {
            private byte[] pending = new byte[0];
            private int index;
            private boolean done;

            @Override
            public int read() throws IOException {
                if (index == pending.length) {
                    if (done) {
                        return -1;
                    }
                    byte[] data = body.readNBytes(64 * 1024);
                    done = data.length == 0;
                    ByteArrayOutputStream chunk = new ByteArrayOutputStream(data.length + 16);
                    chunk.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    chunk.write(data);
                    chunk.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    pending = chunk.toByteArray();
                    index = 0;
                }
                return pending[index++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = 0;
                for (int b; n < length && (b = read()) >= 0; n++) {
                    buffer[offset + n] = (byte) b;
                }
                return n == 0 && length > 0 ? -1 : n;
            }
        };
    }
}
