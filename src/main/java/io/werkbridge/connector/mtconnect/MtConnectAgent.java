package io.werkbridge.connector.mtconnect;

import io.werkbridge.model.InvalidSourceDataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP side of an MTConnect agent: {@code <agent>[/<device>]/probe}, {@code /current} and
 * {@code /sample?from=&count=}. Answers are read up to {@value #MAX_BYTES} bytes. An agent's
 * {@code MTConnectError} document comes back as a {@link StreamsDocument} with error codes whatever the HTTP status.
 */
public final class MtConnectAgent {

    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final HttpClient http;
    private final StreamsParser parser = new StreamsParser();
    private final DevicesParser devices = new DevicesParser();

    public MtConnectAgent(HttpClient http) {
        this.http = http;
    }

    /**
     * @throws IOException                if the agent cannot be reached or answers with an HTTP error without an
     *                                    MTConnect error document
     * @throws InvalidSourceDataException if the answer is not a usable MTConnect document
     */
    public StreamsDocument current(URI agent, String device, Duration timeout) throws IOException, InterruptedException {
        return get(URI.create(base(agent, device) + "/current"), device, timeout);
    }

    /**
     * The device as {@code <agent>[/<device>]/probe} describes it.
     *
     * @throws IOException                if the agent cannot be reached or answers with an HTTP error
     * @throws InvalidSourceDataException if the answer is not a usable Devices document
     */
    public DevicesDocument probe(URI agent, String device, Duration timeout) throws IOException, InterruptedException {
        URI uri = URI.create(base(agent, device) + "/probe");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/xml").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = new Bounded(response.body())) {
            if (response.statusCode() != 200) {
                throw new IOException("agent answered HTTP " + response.statusCode() + " to " + uri.getPath());
            }
            return devices.parse(body, device);
        }
    }

    /** @see #current(URI, String, Duration) */
    public StreamsDocument sample(URI agent, String device, long from, int count, Duration timeout)
            throws IOException, InterruptedException {
        return get(URI.create(base(agent, device) + "/sample?from=" + from + "&count=" + count), device, timeout);
    }

    private static String base(URI agent, String device) {
        return device == null ? agent.toString() : agent + "/" + device;
    }

    private StreamsDocument get(URI uri, String device, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/xml").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = new Bounded(response.body())) {
            int status = response.statusCode();
            if (status == 200) {
                return parser.parse(body, device);
            }
            StreamsDocument error;
            try {
                error = parser.parse(body, device);
            } catch (InvalidSourceDataException e) {
                throw new IOException("agent answered HTTP " + status + " to " + uri.getPath());
            }
            if (!error.isError()) {
                throw new IOException("agent answered HTTP " + status + " to " + uri.getPath());
            }
            return error;
        }
    }

    /** Fails a read beyond {@link #MAX_BYTES}. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new InvalidSourceDataException("agent response is larger than " + MAX_BYTES + " bytes");
            }
        }
    }
}
