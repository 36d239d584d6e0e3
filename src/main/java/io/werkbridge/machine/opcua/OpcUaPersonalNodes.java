package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.MappingRule;
import io.werkbridge.machine.PersonalSources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which mapped OPC UA nodes the server's own metadata marks as about a person, and the machine's verdict under
 * {@link PersonalSources}. Before the first value of an OPC UA machine goes on, the hub connects once (Eclipse Milo
 * client, with the machine's security and identity, {@link OpcUaSecurity}) and reads, for every mapped node, its BrowseName, its DataType, its
 * TypeDefinition, and the BrowseName and TypeDefinition of the node it belongs to (inverse hierarchical reference). A
 * node is personal when ({@link #personal}):
 * <ul>
 *   <li>its type or its parent's type is a companion specification's person type: {@code UserType} / {@code UsersType}
 *       (OPC 40083 General Types for plastics and rubber machinery: "information on the operator(s) of the machine",
 *       with Id, Name, CardUid, UserLevel, ...);</li>
 *   <li>its data type is a person structure: {@code ISA95PersonnelDataType} (OPC 10031-4), {@code UserManagementDataType}
 *       (OPC 10000-18);</li>
 *   <li>its BrowseName is a user identity of OPC 10000-5: {@code ClientUserId}, {@code ClientUserIdOfSession},
 *       {@code ClientUserIdHistory};</li>
 *   <li>a word of its own or its parent's BrowseName denotes a person: Operator, User(s), Personnel, Person,
 *       Technician, Worker, Employee, Username, UserId (fail closed for servers without a companion type).</li>
 * </ul>
 * A refused machine passes no value until the hub restarts; a server whose metadata cannot be read passes none either
 * (the route's error handling retries).
 */
public final class OpcUaPersonalNodes {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaPersonalNodes.class);
    private static final Set<String> PERSON_TYPES = Set.of("UserType", "UsersType");
    private static final Set<String> PERSON_DATA_TYPES = Set.of("ISA95PersonnelDataType", "UserManagementDataType");
    private static final Set<String> USER_IDENTITIES = Set.of("ClientUserId", "ClientUserIdOfSession", "ClientUserIdHistory");
    private static final Set<String> PERSON_WORDS = Set.of("operator", "operators", "user", "users", "personnel", "person",
            "technician", "worker", "employee", "username", "userid");

    private final MachineRegistry machines;
    private final MachineStatusBoard status;
    private final OpcUaSecurity security;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    public OpcUaPersonalNodes(MachineRegistry machines, MachineStatusBoard status, OpcUaSecurity security) {
        this.machines = machines;
        this.status = status;
        this.security = security;
    }

    /**
     * Whether the machine's values may go on: its mapping was checked against the server's node metadata and keeps
     * the rule. The first call per machine reads the metadata (the others wait for it).
     *
     * @throws IllegalStateException when the metadata cannot be read (the value is retried by the route)
     */
    public boolean admit(String machineId) {
        Boolean verdict = verdicts.get(machineId);
        if (verdict != null) {
            return verdict;
        }
        MachineDefinition machine = machines.require(machineId);
        synchronized (machine) {
            verdict = verdicts.get(machineId);
            if (verdict == null) {
                verdict = check(machine);
                verdicts.put(machineId, verdict);
            }
        }
        return verdict;
    }

    private boolean check(MachineDefinition machine) {
        Connection.OpcUa connection = (Connection.OpcUa) machine.connection();
        Map<String, String> personal;
        try {
            personal = personalNodes(security, connection, machine.mapping().stream().map(MappingRule::source).toList());
        } catch (UaException e) {
            throw new IllegalStateException("machine " + machine.id() + ": the node metadata of the OPC UA server cannot be"
                    + " read (" + e.getStatusCode() + "); no value goes on before it is checked", e);
        }
        List<String> refusals = PersonalSources.refusals(machine, personal, "the OPC UA server's node metadata");
        if (refusals.isEmpty()) {
            return true;
        }
        String reason = String.join("; ", refusals);
        status.connectionFailed(machine.id(), reason);
        LOG.error("machine {}: {}; no value of this machine goes on until its file is corrected and the hub restarted",
                machine.id(), reason);
        return false;
    }

    /** The mapped nodes the server's metadata marks as personal: source → why. */
    static Map<String, String> personalNodes(OpcUaSecurity security, Connection.OpcUa connection, List<String> sources)
            throws UaException {
        OpcUaClient client = security.connect(connection);
        try {
            NamespaceTable namespaces = client.readNamespaceTable();
            Map<String, String> personal = new LinkedHashMap<>();
            for (String source : sources) {
                NodeId node = ExpandedNodeId.parse(source).toNodeIdOrThrow(namespaces);
                String why = personal(metadata(client, node));
                if (why != null) {
                    personal.put(source, why);
                }
            }
            return personal;
        } finally {
            client.disconnect();
        }
    }

    /** What the hub reads of one node: its own and its parent's names and types (null where the server has none). */
    record NodeMetadata(String browseName, String typeName, String dataTypeName, String parentName, String parentTypeName) {
    }

    /** Why the metadata makes the node personal, or null. Names are the server's schema words, not values. */
    static String personal(NodeMetadata node) {
        List<String> why = new ArrayList<>();
        if (in(PERSON_TYPES, node.typeName())) {
            why.add("its type is " + node.typeName());
        }
        if (in(PERSON_TYPES, node.parentTypeName())) {
            why.add("it belongs to an object of type " + node.parentTypeName());
        }
        if (in(PERSON_DATA_TYPES, node.dataTypeName())) {
            why.add("its data type is " + node.dataTypeName());
        }
        if (in(USER_IDENTITIES, node.browseName())) {
            why.add("its BrowseName " + node.browseName() + " is a user identity");
        }
        if (why.isEmpty() && (denotesPerson(node.browseName()) || denotesPerson(node.parentName()))) {
            why.add("its BrowseName or its parent's names a person");
        }
        return why.isEmpty() ? null : String.join(", ", why);
    }

    /** Set.of refuses to be asked about null: a server may have no type or parent for a node. */
    private static boolean in(Set<String> names, String name) {
        return name != null && names.contains(name);
    }

    /** Whether a word of a BrowseName (split at case changes, digits and punctuation) names a person. */
    static boolean denotesPerson(String browseName) {
        if (browseName == null) {
            return false;
        }
        for (String word : browseName.split("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z]+")) {
            if (PERSON_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static NodeMetadata metadata(OpcUaClient client, NodeId node) throws UaException {
        DataValue[] results = client.read(0.0, TimestampsToReturn.Neither, List.of(
                new ReadValueId(node, AttributeId.BrowseName.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(node, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE))).getResults();
        List<DataValue> read = results == null ? List.of() : List.of(results);
        String browseName = read.isEmpty() ? null : name(read.get(0));
        NodeId dataType = read.size() < 2 || read.get(1).getValue() == null
                || !(read.get(1).getValue().getValue() instanceof NodeId id) ? null : id;
        String dataTypeName = dataType == null ? null : browseNameOf(client, dataType);
        ReferenceDescription type = first(client, node, BrowseDirection.Forward, NodeIds.HasTypeDefinition, false);
        ReferenceDescription parent = first(client, node, BrowseDirection.Inverse, NodeIds.HierarchicalReferences, true);
        String parentTypeName = null;
        if (parent != null && parent.getTypeDefinition() != null && !parent.getTypeDefinition().isNull()) {
            NodeId parentType = parent.getTypeDefinition().toNodeId(client.getNamespaceTable()).orElse(null);
            parentTypeName = parentType == null ? null : browseNameOf(client, parentType);
        }
        return new NodeMetadata(browseName, type == null ? null : type.getBrowseName().getName(), dataTypeName,
                parent == null ? null : parent.getBrowseName().getName(), parentTypeName);
    }

    private static String browseNameOf(OpcUaClient client, NodeId node) throws UaException {
        DataValue[] results = client.read(0.0, TimestampsToReturn.Neither,
                List.of(new ReadValueId(node, AttributeId.BrowseName.uid(), null, QualifiedName.NULL_VALUE))).getResults();
        return results == null || results.length == 0 ? null : name(results[0]);
    }

    private static String name(DataValue value) {
        return value.getValue() != null && value.getValue().getValue() instanceof QualifiedName name ? name.getName() : null;
    }

    private static ReferenceDescription first(OpcUaClient client, NodeId node, BrowseDirection direction, NodeId references,
                                              boolean subtypes) throws UaException {
        BrowseResult result = client.browse(new BrowseDescription(node, direction, references, subtypes, Unsigned.uint(0),
                Unsigned.uint(BrowseResultMask.All.getValue())));
        ReferenceDescription[] found = result.getReferences();
        return found == null || found.length == 0 ? null : found[0];
    }
}
