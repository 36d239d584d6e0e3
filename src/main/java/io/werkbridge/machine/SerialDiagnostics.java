package io.werkbridge.machine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.connector.serial.SerialStatistics;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A serial machine's link diagnostics for remote support of its serial interface (the {@code serial-diagnostics}
 * flow, docs/machines.md): the link's settings and counters (frames, garbage bytes, checksum errors, oversize frames,
 * reconnects, failed sends) and the frames of a capture armed before ({@link SerialCaptures}), already redacted.
 * Nothing of the machine's owner or operator is in it.
 */
public final class SerialDiagnostics {

    private final MachineRegistry machines;
    private final MachineStatusService status;
    private final SerialCaptures captures;
    private final Clock clock;

    public SerialDiagnostics(MachineRegistry machines, MachineStatusService status, SerialCaptures captures, Clock clock) {
        this.machines = machines;
        this.status = status;
        this.captures = captures;
        this.clock = clock;
    }

    /**
     * The machine's diagnostics now, with the frames captured so far (the capture ends).
     *
     * @throws IllegalArgumentException if the machine is not on a serial link or its link is not running
     */
    public Envelope collect(String machineId) {
        MachineDefinition machine = machines.require(machineId);
        if (!(machine.connection() instanceof Connection.Serial serial)) {
            throw new IllegalArgumentException("machine is not on a serial link");
        }
        SerialStatistics counters = status.one(machineId).map(MachineStatus::serial)
                .orElseThrow(() -> new IllegalArgumentException("the machine's serial link is not running"));
        Instant now = clock.instant();
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("machineNumber", machine.machineNumber());
        if (machine.machineType() != null) {
            body.put("machineType", machine.machineType());
        }
        body.put("collectedAt", now.toString());
        ObjectNode link = body.putObject("link");
        link.put("port", serial.port());
        link.put("framing", serial.framing());
        serial.options().forEach(link::put);
        body.set("statistics", CanonicalJson.tree(counters));
        List<SerialCaptures.CapturedFrame> frames = captures.take(machineId);
        if (!frames.isEmpty()) {
            ArrayNode captured = body.putObject("capture").putArray("frames");
            frames.forEach(f -> captured.addObject().put("at", f.at().toString()).put("length", f.length()).put("payload", f.payload()));
        }
        return Envelope.create(EntityType.LINK_DIAGNOSTICS, machine.machineNumber(), Operation.UPSERT, now,
                "machine:" + machine.id(), body);
    }
}
