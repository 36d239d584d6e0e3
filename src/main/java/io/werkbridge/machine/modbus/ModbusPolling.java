package io.werkbridge.machine.modbus;

import io.werkbridge.connector.modbus.ModbusException;
import io.werkbridge.connector.modbus.ModbusPdu;
import io.werkbridge.connector.modbus.ModbusRtuMaster;
import io.werkbridge.connector.modbus.ModbusTcpClient;
import io.werkbridge.connector.modbus.ModbusTransport;
import io.werkbridge.connector.modbus.ReadRequest;
import io.werkbridge.connector.modbus.RegisterValues;
import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.SourceValue;
import io.werkbridge.model.Envelope;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub as Modbus master: each poll reads a machine's register map (neighbouring registers in one request, see
 * {@link ReadPlan}) and turns the values that changed since the last poll (all of them at the first) into machine
 * events through the machine's mapping, dated at the poll. RTU requests go out through the machine's {@code serial:} line (framing
 * {@code modbus-rtu}), whose frames come back through {@link #onRtuFrame}; TCP requests over a
 * {@link ModbusTcpClient}.
 *
 * <p>Errors never stop the route: an exception response (function | 0x80) or an answer that breaks the protocol
 * leaves that register out, counted as rejected and named in the status API's {@code lastError} (unit, function,
 * address, exception code; never register contents); a timeout or a failed link marks the machine disconnected
 * and skips the unit's other registers for this poll. Each condition is logged when it starts and when it ends.
 */
public final class ModbusPolling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusPolling.class);

    /** Sends one RTU frame payload on a machine's {@code serial:} line. */
    @FunctionalInterface
    public interface RtuLine {
        void send(String uri, byte[] payload) throws IOException;
    }

    private final MachineRegistry machines;
    private final MachineEvents events;
    private final MachineStatusBoard status;
    private final RtuLine line;
    private final Clock clock;
    private final Map<String, ModbusTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, List<ReadPlan.Block>> plans = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> lastValues = new ConcurrentHashMap<>();
    /** Registers whose last read failed with an answer (logged once per streak), per machine. */
    private final Map<String, Set<String>> refused = new ConcurrentHashMap<>();

    public ModbusPolling(MachineRegistry machines, MachineEvents events, MachineStatusBoard status, RtuLine line,
                         Clock clock) {
        this.machines = machines;
        this.events = events;
        this.status = status;
        this.line = line;
        this.clock = clock;
    }

    /** A CRC-valid frame from a machine's RTU line (unit id and PDU). */
    public void onRtuFrame(String machineId, byte[] payload) {
        if (transport(machines.require(machineId)) instanceof ModbusRtuMaster master) {
            master.onFrame(payload);
        }
    }

    /** One poll; never throws for what the slave or the link does. */
    public List<Envelope> poll(String machineId) {
        MachineDefinition machine = machines.require(machineId);
        Connection.Modbus connection = (Connection.Modbus) machine.connection();
        List<Connection.ModbusRegister> registers = connection.registers();
        Poll poll = new Poll(machineId, connection, transport(machine),
                refused.computeIfAbsent(machineId, id -> ConcurrentHashMap.newKeySet()), new Object[registers.size()]);
        plans.computeIfAbsent(machineId, id -> ReadPlan.of(connection)).forEach(poll::read);
        report(machineId, connection, poll.answered, poll.linkFailure);

        Instant now = clock.instant();
        Map<String, Object> last = lastValues.computeIfAbsent(machineId, id -> new ConcurrentHashMap<>());
        List<SourceValue> context = new ArrayList<>();
        List<SourceValue> values = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            String name = registers.get(i).name();
            Object value = poll.values[i];
            if (value != null && !Objects.equals(last.put(name, value), value)) {
                boolean isContext = machine.ruleFor(name).map(r -> r.field() != null).orElse(false);
                (isContext ? context : values).add(new SourceValue(name, value, now));
            }
        }
        // operator and location read in this poll apply to its values: they go first
        context.addAll(values);
        return events.fromValues(machineId, context, e -> {
            status.rejected(machineId);
            LOG.warn("machine {}: Modbus value left out: {}", machineId, e.getMessage());
        });
    }

    /** What one poll read: values in register-map order (null: none), whether a slave answered, the last link failure. */
    private final class Poll {
        private final String machineId;
        private final Connection.Modbus connection;
        private final ModbusTransport transport;
        private final Set<String> refusedNow;
        private final Object[] values;
        private final Set<Integer> unreachable = new HashSet<>();
        private boolean answered;
        private ModbusException linkFailure;

        Poll(String machineId, Connection.Modbus connection, ModbusTransport transport, Set<String> refusedNow,
             Object[] values) {
            this.machineId = machineId;
            this.connection = connection;
            this.transport = transport;
            this.refusedNow = refusedNow;
            this.values = values;
        }

        /**
         * Reads a block; a block of several registers that the slave refuses is read again register by register, so
         * the refusal is pinned to its register and the others still arrive.
         */
        void read(ReadPlan.Block block) {
            ReadRequest request = block.request();
            if (unreachable.contains(request.unitId())) {
                return;
            }
            byte[] data;
            try {
                data = ModbusPdu.data(request, transport.transact(request, connection.timeout()));
            } catch (ModbusException e) {
                if (e.kind() == ModbusException.Kind.TIMEOUT || e.kind() == ModbusException.Kind.LINK) {
                    unreachable.add(request.unitId());
                    linkFailure = e;
                } else if (block.slices().size() > 1) {
                    answered = true;
                    block.slices().forEach(slice -> read(ReadPlan.Block.single(slice, connection.unitId())));
                } else {
                    answered = true;
                    refuse(machineId, block.slices().get(0).register().name(), e, refusedNow);
                }
                return;
            }
            answered = true;
            for (ReadPlan.Slice slice : block.slices()) {
                Connection.ModbusRegister register = slice.register();
                values[slice.index()] = RegisterValues.decode(slice(data, request, slice), register.type(),
                        register.byteOrder(), register.wordOrder(), register.scale());
                if (refusedNow.remove(register.name())) {
                    LOG.info("machine {}: register '{}' reads again", machineId, register.name());
                }
            }
        }

        private byte[] slice(byte[] data, ReadRequest request, ReadPlan.Slice slice) {
            if (request.function().readsBits()) {
                return new byte[] {(byte) (ModbusPdu.bit(data, slice.offset()) ? 1 : 0)};
            }
            int items = slice.register().request(connection.unitId()).count();
            return Arrays.copyOfRange(data, 2 * slice.offset(), 2 * (slice.offset() + items));
        }
    }

    private void refuse(String machineId, String register, ModbusException e, Set<String> refusedNow) {
        String reason = "register '" + register + "': " + e.getMessage();
        status.rejected(machineId);
        status.error(machineId, reason);
        if (refusedNow.add(register)) {
            LOG.warn("machine {}: {}", machineId, reason);
        }
    }

    private void report(String machineId, Connection.Modbus connection, boolean answered, ModbusException failure) {
        boolean wasFailing = status.snapshot(machineId).failing();
        if (answered) {
            status.contact(machineId);
        }
        if (failure != null) {
            status.connectionFailed(machineId, failure.getMessage());
            if (!wasFailing) {
                LOG.warn("machine {}: Modbus slave at {} does not answer: {}", machineId, connection.endpoint(),
                        failure.getMessage());
            }
        } else if (wasFailing && answered) {
            LOG.info("machine {}: Modbus slave at {} answers again", machineId, connection.endpoint());
        }
    }

    private ModbusTransport transport(MachineDefinition machine) {
        return transports.computeIfAbsent(machine.id(), id -> {
            Connection.Modbus c = (Connection.Modbus) machine.connection();
            if (c.rtu()) {
                String uri = c.rtuUri();
                return new ModbusRtuMaster(payload -> line.send(uri, payload));
            }
            return new ModbusTcpClient(c.host(), c.tcpPort(), c.timeout());
        });
    }

    /** Closes the TCP connections. */
    @Override
    public void close() {
        transports.values().forEach(ModbusTransport::close);
        transports.clear();
    }
}
