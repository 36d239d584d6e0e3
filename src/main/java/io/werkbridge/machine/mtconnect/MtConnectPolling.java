package io.werkbridge.machine.mtconnect;

import io.werkbridge.connector.mtconnect.DevicesDocument;
import io.werkbridge.connector.mtconnect.MtConnectAgent;
import io.werkbridge.connector.mtconnect.Observation;
import io.werkbridge.connector.mtconnect.StreamsDocument;
import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineConfigException;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.MappingRule;
import io.werkbridge.machine.PersonalSources;
import io.werkbridge.machine.SourceValue;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.InvalidSourceDataException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a machine's MTConnect agent: {@code /probe} and {@code /current} first, then
 * {@code /sample?from=<nextSequence>&count=N}. The probe's Devices document gives the device's identity (sources
 * {@code device.name}, {@code device.uuid}, {@code device.manufacturer}, {@code device.model},
 * {@code device.serialNumber}, e.g. mapped to a commissioning event) and its data items, against which the
 * machine's mapping is checked (a source the device does not have is reported once per probe; a data item the probe
 * declares to be about a person may only be mapped to the operator, else the machine is refused, see
 * {@link PersonalSources}; a restarted hub reads the probe again before it resumes).
 * The agent's instanceId and the next sequence are committed to the database after the poll's events are
 * published, so a restarted hub resumes where it stopped: no gap, and no duplicate message ids (an event read
 * again after a crash between publishing and committing keeps its message id, derived from instanceId and
 * sequence, so the destinations' idempotency check drops it). A new instanceId (the agent restarted) or a
 * {@code from} older than the agent's buffer (observations lost) is logged and the poll starts again from
 * {@code /current}.
 */
public final class MtConnectPolling {

    private static final Logger LOG = LoggerFactory.getLogger(MtConnectPolling.class);
    private static final String UNAVAILABLE = "UNAVAILABLE";
    private static final String DEVICE_SOURCE = "device.";

    private final MachineRegistry machines;
    private final MachineEvents events;
    private final MachineStatusBoard status;
    private final MtConnectAgent agent;
    private final MtConnectStateStore store;
    /** Machines whose mapping this hub has checked against the agent's current probe. */
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public MtConnectPolling(MachineRegistry machines, MachineEvents events, MachineStatusBoard status,
                            MtConnectAgent agent, MtConnectStateStore store) {
        this.machines = machines;
        this.events = events;
        this.status = status;
        this.agent = agent;
        this.store = store;
    }

    /** One poll; never throws for an unreachable agent or a bad answer (counted and logged instead). */
    public MtConnectBatch poll(String machineId) {
        MachineDefinition machine = machines.require(machineId);
        Connection.MtConnect connection = (Connection.MtConnect) machine.connection();
        Optional<MtConnectStateStore.Position> before = store.load(machineId);
        Read read;
        try {
            read = read(machine, connection, before);
        } catch (IOException | InvalidSourceDataException e) {
            failed(machineId, reason(e));
            return MtConnectBatch.failed(machineId);
        } catch (MachineConfigException e) {
            refused(machineId, e);
            return MtConnectBatch.failed(machineId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MtConnectBatch.failed(machineId);
        }
        if (status.snapshot(machineId).failing()) {
            LOG.info("machine {}: MTConnect agent {} answers again", machineId, connection.agent());
        }
        status.contact(machineId);
        StreamsDocument document = read.streams();
        List<SourceValue> values = values(machine, document);
        if (read.device() != null) {
            values.addAll(0, identity(machine, read.device(), document));
        }
        List<Envelope> out = events.fromValues(machineId, values, e -> {
            status.rejected(machineId);
            LOG.warn("machine {}: MTConnect observation left out: {}", machineId, e.getMessage());
        });
        return new MtConnectBatch(machineId, before,
                new MtConnectStateStore.Position(document.instanceId(), document.nextSequence()), out);
    }

    /** Stores the position reached, once the batch's events are published. */
    public void commit(MtConnectBatch batch) {
        if (batch.next() == null || batch.before().equals(Optional.of(batch.next()))) {
            return;
        }
        if (!store.save(batch.machineId(), batch.before(), batch.next())) {
            LOG.info("machine {}: another hub moved the MTConnect position first; its events carry the same message ids",
                    batch.machineId());
        }
    }

    private Read read(MachineDefinition machine, Connection.MtConnect c,
                      Optional<MtConnectStateStore.Position> before) throws IOException, InterruptedException {
        if (before.isEmpty()) {
            return current(machine, c);
        }
        if (!checked.contains(machine.id())) {
            // a restarted hub resumes from the stored position, but never without having checked the probe
            probe(machine, c);
        }
        long from = before.get().nextSequence();
        StreamsDocument sample = agent.sample(c.agent(), c.device(), from, c.count(), c.timeout());
        Read read = new Read(null, sample);
        if (sample.isError()) {
            if (sample.errorCodes().contains("OUT_OF_RANGE")) {
                return resync(machine, c, "sequence gap: " + from + " is no longer in the agent's buffer; the observations"
                        + " before its first sequence are lost");
            }
            throw new IOException("agent refused /sample with " + sample.errorCodes());
        }
        if (!sample.instanceId().equals(before.get().instanceId())) {
            return resync(machine, c, "the agent restarted (new instanceId), its sequence starts over");
        }
        if (sample.nextSequence() < from) {
            return resync(machine, c, "the agent's next sequence " + sample.nextSequence() + " is behind " + from
                    + " although its instanceId is the same");
        }
        if (sample.firstSequence() > from) {
            return resync(machine, c, "sequence gap: asked from " + from + " but the agent's buffer starts at "
                    + sample.firstSequence() + "; " + (sample.firstSequence() - from) + " observations are lost");
        }
        return read;
    }

    private Read resync(MachineDefinition machine, Connection.MtConnect c, String why)
            throws IOException, InterruptedException {
        LOG.warn("machine {}: MTConnect {}; reading /current again", machine.id(), why);
        status.resynchronised(machine.id());
        return current(machine, c);
    }

    private Read current(MachineDefinition machine, Connection.MtConnect c) throws IOException, InterruptedException {
        DevicesDocument device = probe(machine, c);
        StreamsDocument current = agent.current(c.agent(), c.device(), c.timeout());
        if (current.isError()) {
            throw new IOException("agent refused /current with " + current.errorCodes());
        }
        return new Read(device, current);
    }

    /**
     * Reads the probe and checks the mapping against it: sources the device does not have are reported; a data item
     * the probe declares personal mapped anywhere but to the operator refuses the machine (nothing of it is read
     * until a probe passes).
     *
     * @throws MachineConfigException naming the machine, the data item and the rule
     */
    private DevicesDocument probe(MachineDefinition machine, Connection.MtConnect c) throws IOException, InterruptedException {
        checked.remove(machine.id());
        DevicesDocument device = agent.probe(c.agent(), c.device(), c.timeout());
        List<String> unknown = machine.mapping().stream().map(MappingRule::source)
                .filter(source -> !source.startsWith(DEVICE_SOURCE) && !device.dataItems().contains(source)).toList();
        if (!unknown.isEmpty()) {
            LOG.warn("machine {}: mapping sources {} are not data items of the device in the agent's /probe",
                    machine.id(), unknown);
        }
        List<String> refusals = PersonalSources.refusals(machine, device.personalItems(), "the agent's /probe");
        if (!refusals.isEmpty()) {
            throw new MachineConfigException(refusals);
        }
        checked.add(machine.id());
        return device;
    }

    /** The device's identity as source values (only those the machine maps), stable per agent instance. */
    private static List<SourceValue> identity(MachineDefinition machine, DevicesDocument device, StreamsDocument current) {
        Instant at = device.createdAt() == null ? Instant.now() : device.createdAt();
        List<SourceValue> values = new ArrayList<>();
        device.identity().forEach((source, value) -> {
            if (machine.ruleFor(source).isPresent()) {
                values.add(new SourceValue(source, value, at, current.instanceId() + ":probe:" + source));
            }
        });
        return values;
    }

    /** What one poll read: the probe (only when it started from /current) and the Streams document. */
    private record Read(DevicesDocument device, StreamsDocument streams) {
    }

    /**
     * Observations as source values named by data item id, or by name where the mapping uses the name.
     * {@code UNAVAILABLE} becomes "no value" for data items mapped to numbers or booleans.
     */
    private static List<SourceValue> values(MachineDefinition machine, StreamsDocument document) {
        List<SourceValue> values = new ArrayList<>(document.observations().size());
        for (Observation o : document.observations()) {
            String source = machine.ruleFor(o.dataItemId()).isPresent() || o.name() == null
                    || machine.ruleFor(o.name()).isEmpty() ? o.dataItemId() : o.name();
            Object value = o.value();
            MappingRule.ValueType type = machine.ruleFor(source).map(MappingRule::type).orElse(MappingRule.ValueType.AUTO);
            if (UNAVAILABLE.equals(value) && type != MappingRule.ValueType.AUTO && type != MappingRule.ValueType.STRING) {
                value = null;
            }
            values.add(new SourceValue(source, value, o.timestamp(), document.instanceId() + ":" + o.sequence()));
        }
        return values;
    }

    /** A refused mapping is an error of the machine file: logged once per streak, shown as the machine's last error. */
    private void refused(String machineId, MachineConfigException e) {
        boolean first = !status.snapshot(machineId).failing();
        String reason = String.join("; ", e.problems());
        status.connectionFailed(machineId, reason);
        if (first) {
            LOG.error("machine {}: {}; nothing of this machine is read until its file is corrected", machineId, reason);
        }
    }

    private void failed(String machineId, String reason) {
        boolean first = !status.snapshot(machineId).failing();
        status.connectionFailed(machineId, reason);
        if (first) {
            LOG.warn("machine {}: MTConnect poll failed: {}; retrying every poll interval", machineId, reason);
        } else {
            LOG.debug("machine {}: MTConnect poll failed again: {}", machineId, reason);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return "agent did not answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "agent not reachable";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
