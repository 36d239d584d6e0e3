package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * One machine as its file in {@code connectors/machines/} describes it: who it is, who owns it, how the hub reaches
 * it and which of its protocol values become which canonical machine-event fields.
 *
 * @param file           the file it was read from, for messages
 * @param id             the hub's name for the machine (route ids, status API, database keys)
 * @param machineNumber  the machine (serial) number, the key of its canonical events
 * @param machineType    the machine type
 * @param customerNumber the owning customer's number
 * @param enabled        whether the hub connects to it
 * @param connection     protocol and connection settings; the file's {@code protocol} names the record
 * @param mapping        protocol values to canonical fields, the only values taken over
 * @param profile        a companion specification the hub maps by itself ({@value #UMATI}: OPC 40501-1 machine
 *                       tools over OPC UA, docs/machines.md), or null; its values come in addition to {@code mapping}
 * @param programTransfer NC program transfer with the machine's control, or null
 */
public record MachineDefinition(String file, String id, String machineNumber, String machineType,
                                String customerNumber, boolean enabled,
                                @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "protocol")
                                Connection connection,
                                List<MappingRule> mapping, String profile, ProgramTransfer programTransfer) {

    /** The umati profile: the hub browses the server for OPC 40501-1 MachineTool objects. */
    public static final String UMATI = "umati";

    public MachineDefinition {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineNumber, "machineNumber");
        Objects.requireNonNull(connection, "connection");
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
    }

    /** A machine mapped by its file alone (no profile), without NC program transfer. */
    public MachineDefinition(String file, String id, String machineNumber, String machineType, String customerNumber,
                             boolean enabled, Connection connection, List<MappingRule> mapping) {
        this(file, id, machineNumber, machineType, customerNumber, enabled, connection, mapping, null, null);
    }

    /** A machine without NC program transfer. */
    public MachineDefinition(String file, String id, String machineNumber, String machineType, String customerNumber,
                             boolean enabled, Connection connection, List<MappingRule> mapping, String profile) {
        this(file, id, machineNumber, machineType, customerNumber, enabled, connection, mapping, profile, null);
    }

    /** Whether the hub maps the machine as a umati machine tool (browsing its OPC UA server). */
    public boolean umati() {
        return UMATI.equals(profile);
    }

    public Protocol protocol() {
        return connection.protocol();
    }

    /** The mapping rule for a protocol value (telegram key, node id, data item id), if there is one. */
    public java.util.Optional<MappingRule> ruleFor(String source) {
        return mapping.stream().filter(r -> r.source().equals(source)).findFirst();
    }
}
