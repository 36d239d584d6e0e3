package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies on the HTTP API ({@code /api/**}) and on the SOAP services ({@code /services/**}), each with
 * its own limit: a declared length above the limit is answered 413 at once; a body without a declared length
 * (chunked) is counted while it is read and fails when it passes the limit (413 from the API, a SOAP fault from CXF),
 * so no request is ever held in memory beyond the limit.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxApiBytes;
    private final long maxSoapBytes;
    private final long maxDocumentBytes;
    private final ObjectMapper json;

    public BodySizeLimitFilter(long maxApiBytes, long maxSoapBytes, long maxDocumentBytes, ObjectMapper json) {
        this.maxApiBytes = maxApiBytes;
        this.maxSoapBytes = maxSoapBytes;
        this.maxDocumentBytes = maxDocumentBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limit(request) < 0;
    }

    /** The limit for the request's path, or -1 where bodies are not bounded here. */
    private long limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/v1/erp/")) {
            // e-invoices carry their attachments (PDF, images) inside the XML or are PDFs themselves
            return maxDocumentBytes;
        }
        if (path.startsWith("/api/")) {
            return maxApiBytes;
        }
        return path.startsWith("/services/") ? maxSoapBytes : -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limit(request);
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, json, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    /** The answer for a body over the limit; {@link ApiProblemHandler} gives it when reading fails part-way. */
    static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                "the body must not exceed " + maxBytes + " bytes");
    }

    /** Thrown while reading past the limit. */
    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > max) {
                        throw new BodyTooLargeException(max);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
