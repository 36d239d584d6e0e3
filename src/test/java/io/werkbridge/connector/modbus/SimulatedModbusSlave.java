package io.werkbridge.connector.modbus;

import com.fazecast.jSerialComm.SerialPort;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Modbus slave for tests, written from the specifications and independent of the hub's codec: it answers read
 * coils, discrete inputs, holding and input registers (01-04) from its tables, with exception 02 (illegal data
 * address) for an address it does not have and 01 for any other function. It listens on a serial line (RTU: frames
 * of a read request are always 8 bytes, CRC-16 computed bit by bit here) or on TCP (MBAP). {@link #mute} makes it
 * stop answering, like a slave that was switched off.
 */
public final class SimulatedModbusSlave implements AutoCloseable {

    private final int unitId;
    private final Map<Integer, Integer> holding = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> input = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> coils = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> discrete = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private volatile boolean mute;
    private volatile boolean closed;
    private SerialPort serial;
    private ServerSocket server;

    private SimulatedModbusSlave(int unitId) {
        this.unitId = unitId;
    }

    /** A slave on the serial line at {@code path} (8N1 is fine on a pseudo-terminal: it has no baud rate). */
    public static SimulatedModbusSlave rtu(String path, int unitId) {
        SimulatedModbusSlave slave = new SimulatedModbusSlave(unitId);
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path + " for the simulated slave");
        }
        slave.serial = port;
        start("modbus-rtu-slave", slave::serveRtu);
        return slave;
    }

    /** A Modbus TCP server on a free loopback port. */
    public static SimulatedModbusSlave tcp(int unitId) throws IOException {
        SimulatedModbusSlave slave = new SimulatedModbusSlave(unitId);
        slave.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("modbus-tcp-slave", slave::acceptTcp);
        return slave;
    }

    private static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public int tcpPort() {
        return server.getLocalPort();
    }

    public void holding(int address, int... registers) {
        for (int i = 0; i < registers.length; i++) {
            holding.put(address + i, registers[i] & 0xFFFF);
        }
    }

    public void input(int address, int... registers) {
        for (int i = 0; i < registers.length; i++) {
            input.put(address + i, registers[i] & 0xFFFF);
        }
    }

    public void coil(int address, boolean on) {
        coils.put(address, on);
    }

    public void discreteInput(int address, boolean on) {
        discrete.put(address, on);
    }

    /** Registers holding {@code text}, two ISO-8859-1 characters each, padded with NUL to {@code count}. */
    public static int[] text(String text, int count) {
        byte[] bytes = java.util.Arrays.copyOf(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), count * 2);
        int[] registers = new int[count];
        for (int i = 0; i < count; i++) {
            registers[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        return registers;
    }

    /** A float in two registers, high word first. */
    public static int[] float32(float value) {
        int bits = Float.floatToIntBits(value);
        return new int[] {bits >>> 16, bits & 0xFFFF};
    }

    public void mute(boolean mute) {
        this.mute = mute;
    }

    /** Requests to its unit answered or refused so far. */
    public int requests() {
        return requests.get();
    }

    /** Requests received so far, to any unit and while muted too. */
    public int received() {
        return received.get();
    }

    /** The response PDU to a request PDU. */
    byte[] answer(byte[] pdu) {
        requests.incrementAndGet();
        int function = pdu[0] & 0xFF;
        if (function < 1 || function > 4 || pdu.length != 5) {
            return new byte[] {(byte) (function | 0x80), 0x01};
        }
        int address = (pdu[1] & 0xFF) << 8 | pdu[2] & 0xFF;
        int count = (pdu[3] & 0xFF) << 8 | pdu[4] & 0xFF;
        boolean bits = function <= 2;
        Map<Integer, ?> table = switch (function) {
            case 1 -> coils;
            case 2 -> discrete;
            case 3 -> holding;
            default -> input;
        };
        for (int a = address; a < address + count; a++) {
            if (!table.containsKey(a)) {
                return new byte[] {(byte) (function | 0x80), 0x02};
            }
        }
        int bytes = bits ? (count + 7) / 8 : count * 2;
        ByteBuffer out = ByteBuffer.allocate(2 + bytes).put((byte) function).put((byte) bytes);
        if (bits) {
            byte[] packed = new byte[bytes];
            for (int i = 0; i < count; i++) {
                if ((Boolean) table.get(address + i)) {
                    packed[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            out.put(packed);
        } else {
            for (int i = 0; i < count; i++) {
                out.putShort((short) (int) (Integer) table.get(address + i));
            }
        }
        return out.array();
    }

    private void serveRtu() {
        byte[] request = new byte[8];
        while (!closed) {
            int read = serial.readBytes(request, request.length);
            if (read < 0) {
                return;
            }
            if (read < request.length || crc(request, 6) != ((request[6] & 0xFF) | (request[7] & 0xFF) << 8)) {
                // out of step: drop what is waiting and start again at the next request
                serial.flushIOBuffers();
                continue;
            }
            received.incrementAndGet();
            if ((request[0] & 0xFF) != unitId || mute) {
                continue;
            }
            byte[] pdu = answer(java.util.Arrays.copyOfRange(request, 1, 6));
            byte[] frame = new byte[pdu.length + 3];
            frame[0] = (byte) unitId;
            System.arraycopy(pdu, 0, frame, 1, pdu.length);
            int crc = crc(frame, pdu.length + 1);
            frame[pdu.length + 1] = (byte) crc;
            frame[pdu.length + 2] = (byte) (crc >>> 8);
            serial.writeBytes(frame, frame.length);
        }
    }

    /** CRC-16/MODBUS, bit by bit as the serial line specification (V1.02, 6.2.2) describes it. */
    static int crc(byte[] bytes, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                start("modbus-tcp-slave-connection", () -> serveTcp(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            DataInputStream data = new DataInputStream(in);
            while (!closed) {
                byte[] header = new byte[7];
                data.readFully(header);
                int length = (header[4] & 0xFF) << 8 | header[5] & 0xFF;
                byte[] pdu = new byte[length - 1];
                data.readFully(pdu);
                received.incrementAndGet();
                if ((header[6] & 0xFF) != unitId || mute) {
                    continue;
                }
                byte[] answer = answer(pdu);
                ByteBuffer frame = ByteBuffer.allocate(7 + answer.length).put(header, 0, 4)
                        .putShort((short) (answer.length + 1)).put(header[6]).put(answer);
                out.write(frame.array());
                out.flush();
            }
        } catch (IOException e) {
            // the master closed the connection: this one is done, the server keeps accepting
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (serial != null) {
            serial.closePort();
        }
        if (server != null) {
            server.close();
        }
    }
}
