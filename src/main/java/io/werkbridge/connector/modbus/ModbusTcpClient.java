package io.werkbridge.connector.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modbus TCP master on one connection, opened at the first request and again after any failure. Each request gets
 * the next transaction id; a response with an older id (the late answer to a request that timed out) is skipped,
 * up to the deadline. A timeout, a broken header or a closed connection drops the connection, so the next request
 * starts on a clean stream.
 */
public final class ModbusTcpClient implements ModbusTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpClient.class);
    /** Late answers skipped per request at most, so a chattering slave cannot hold a request beyond reason. */
    private static final int MAX_SKIPPED = 16;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private int transactionId;

    public ModbusTcpClient(String host, int port, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("TCP port must be 1 to 65535, was " + port);
        }
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    @Override
    public synchronized byte[] transact(ReadRequest request, Duration timeout) throws ModbusException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int id = transactionId = (transactionId + 1) & 0xFFFF;
        try {
            Socket open = connected();
            open.getOutputStream().write(Mbap.encode(id, request.unitId(), request.pdu()));
            InputStream in = open.getInputStream();
            for (int skipped = 0; skipped <= MAX_SKIPPED; skipped++) {
                open.setSoTimeout(remainingMillis(deadline));
                Mbap.Frame frame = Mbap.read(in);
                if (frame.transactionId() != id) {
                    continue;
                }
                if (frame.unitId() != request.unitId()) {
                    throw new ModbusException(ModbusException.Kind.PROTOCOL, request.describe()
                            + ": response from unit " + frame.unitId());
                }
                return frame.pdu();
            }
            throw new ModbusException(ModbusException.Kind.PROTOCOL, request.describe() + ": more than " + MAX_SKIPPED
                    + " responses with other transaction ids");
        } catch (SocketTimeoutException e) {
            close();
            throw new ModbusException(ModbusException.Kind.TIMEOUT, request.describe() + ": no response from "
                    + endpoint() + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            close();
            throw new ModbusException(ModbusException.Kind.LINK, request.describe() + ": connection to " + endpoint()
                    + " failed: " + e.getMessage(), e);
        } catch (ModbusException e) {
            close();
            throw e;
        }
    }

    private Socket connected() throws IOException {
        if (socket == null) {
            Socket candidate = new Socket();
            try {
                candidate.setTcpNoDelay(true);
                candidate.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            } catch (IOException e) {
                candidate.close();
                throw e;
            }
            socket = candidate;
        }
        return socket;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000L;
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    /** {@code tcp://host:port}, for messages and the events' origin. */
    public String endpoint() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        Socket open = socket;
        socket = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.debug("Modbus TCP {}: closing the connection failed: {}", endpoint(), e.getMessage());
            }
        }
    }
}
