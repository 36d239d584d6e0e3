package io.werkbridge.machine;

import io.werkbridge.connector.serial.codec.CodeParity;
import io.werkbridge.connector.serial.codec.NcProgramEncoder;
import io.werkbridge.connector.serial.codec.NcTapeSettings;
import io.werkbridge.connector.serial.codec.StartCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Programs an operator queued for a machine's control (POST /api/v1/machines/{id}/nc-programs), sent one after the
 * other per machine through the machine's {@code machine-nc-program-send} route: the {@code nc-program} framing waits
 * for the control's XON, then sends with the configured handshake and character delay. Each transfer's state (queued,
 * sending, sent, failed with the point of failure) is kept in memory for the status endpoint, the last
 * {@value #KEPT} of them; a restart forgets queued transfers (the operator queues them again).
 */
public final class NcProgramTransfers implements AutoCloseable {

    public static final int KEPT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(NcProgramTransfers.class);

    /** Where a transfer stands. */
    public enum State { QUEUED, SENDING, SENT, FAILED }

    /**
     * One transfer. {@code reason} says why it failed and where (tape byte, program line), never the program's text.
     */
    public record Transfer(String id, String machine, State state, int length, Instant queuedAt, Instant finishedAt,
                           String reason) {

        Transfer with(State next, Instant at, String why) {
            return new Transfer(id, machine, next, length, queuedAt, at, why);
        }
    }

    private final MachineRegistry machines;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final Map<String, ExecutorService> senders = new ConcurrentHashMap<>();
    private final Map<String, Transfer> transfers = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Transfer> eldest) {
            return size() > KEPT;
        }
    };

    public NcProgramTransfers(MachineRegistry machines, ProducerTemplate producer, Clock clock) {
        this.machines = machines;
        this.producer = producer;
        this.clock = clock;
    }

    /** The route a machine's programs are sent through. */
    public static String sendEndpoint(String machineId) {
        return "direct:nc-program-send-" + machineId;
    }

    /**
     * Queues {@code program} (the text between the tape's {@code %} marks; a tape file's own {@code %} lines are
     * taken off) for the machine's control.
     *
     * @throws IllegalStateException if the machine has no program transfer or is disabled
     * @throws IllegalArgumentException if the program breaks a rule of the tape (the message gives the rule and the
     *     position, never the text)
     */
    public Transfer queue(String machineId, String program) {
        MachineDefinition machine = machines.require(machineId);
        ProgramTransfer settings = machine.programTransfer();
        if (settings == null) {
            throw new IllegalStateException("the machine's file has no programTransfer section");
        }
        if (!machine.enabled()) {
            throw new IllegalStateException("the machine is disabled in its machine file");
        }
        byte[] text = bytes(withoutTapeMarks(program));
        new NcProgramEncoder(new NcTapeSettings(settings.maxProgramLength(), settings.maxLineLength(), CodeParity.NONE,
                0, Duration.ZERO, StartCondition.IMMEDIATE, Duration.ofSeconds(1), Duration.ofSeconds(1))).encode(text);
        Transfer queued = new Transfer(UUID.randomUUID().toString(), machineId, State.QUEUED, text.length,
                clock.instant(), null, null);
        update(queued);
        senders.computeIfAbsent(machineId, id -> Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "nc-program-send-" + id);
            thread.setDaemon(true);
            return thread;
        })).execute(() -> send(queued, text));
        return queued;
    }

    public Optional<Transfer> find(String machineId, String transferId) {
        synchronized (transfers) {
            return Optional.ofNullable(transfers.get(transferId)).filter(t -> t.machine().equals(machineId));
        }
    }

    private void send(Transfer transfer, byte[] program) {
        update(transfer.with(State.SENDING, null, null));
        try {
            producer.requestBody(sendEndpoint(transfer.machine()), program);
            update(transfer.with(State.SENT, clock.instant(), null));
            LOG.info("nc-program transfer {} to machine {}: sent, {} characters", transfer.id(), transfer.machine(),
                    program.length);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            update(transfer.with(State.FAILED, clock.instant(), cause.getMessage()));
            LOG.warn("nc-program transfer {} to machine {} failed: {}", transfer.id(), transfer.machine(), cause.getMessage());
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void update(Transfer transfer) {
        synchronized (transfers) {
            transfers.put(transfer.id(), transfer);
        }
    }

    /** One byte per character; a character beyond Latin-1 becomes 0xFF, which the tape's check refuses with its position. */
    private static byte[] bytes(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = (byte) (c > 0xFF ? 0xFF : c);
        }
        return bytes;
    }

    /** A tape file's {@code %} line at the start and {@code %} at the end are the tape's, not the program's. */
    static String withoutTapeMarks(String program) {
        String text = program.strip();
        if (text.startsWith("%")) {
            int lineEnd = text.indexOf('\n');
            text = lineEnd < 0 ? text.substring(1) : text.substring(lineEnd + 1);
        }
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    @Override
    public void close() {
        senders.values().forEach(ExecutorService::shutdownNow);
    }
}
