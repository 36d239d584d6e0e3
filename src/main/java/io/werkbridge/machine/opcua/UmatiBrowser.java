package io.werkbridge.machine.opcua;

import io.werkbridge.machine.MappingRule;
import io.werkbridge.model.MachineEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Finds the umati machine tools (OPC 40501-1 MachineToolType, on OPC 40001-1 Machinery) of a server and what the hub
 * takes from each, by BrowseName: every name is matched with its companion specification's namespace URI, whose index
 * comes from the server's namespace array, never from a fixed NodeId (the machine's own nodes are the vendor's). The
 * table of what is taken is docs/machines.md ("umati profile"); everything else a server offers is left alone, so a
 * vendor's extra node (an operator's name, say) never travels.
 */
public final class UmatiBrowser {

    static final String MACHINE_TOOL = OpcUaAlarms.MACHINE_TOOL_NAMESPACE;
    static final String MACHINERY = "http://opcfoundation.org/UA/Machinery/";
    static final String DI = "http://opcfoundation.org/UA/DI/";
    static final String IA = "http://opcfoundation.org/UA/IA/";
    static final String UA = "http://opcfoundation.org/UA/";
    /** MachineToolType's NodeId within its namespace (the companion specification's NodeSet). */
    private static final int MACHINE_TOOL_TYPE = 13;
    /** Bounds of one browse: a server's folder may be large, the hub reads only so much of it. */
    private static final int MAX_CHILDREN = 1000;
    private static final int MAX_ELEMENTS = 64;
    private static final int MAX_NAME = 64;

    /** How a node's value becomes its canonical value. */
    public enum Decode {
        /** As delivered (OpcUaValues' plain values). */
        PLAIN,
        /** MachineOperationMode (OPC 40501-1): the enumeration's name. */
        OPERATION_MODE("Manual", "Automatic", "Setup", "AutoWithManualIntervention", "Service", "Other"),
        /** ChannelState (OPC 40501-1). */
        CHANNEL_STATE("Active", "Interrupted", "Reset"),
        /** SignalColor (OPC 10000-200). */
        SIGNAL_COLOR("Off", "Red", "Green", "Blue", "Yellow", "Purple", "Cyan", "White"),
        /** Machinery's Location: coordinates {@code <lat>, <lon>} become the event's location, other text is left out. */
        LOCATION;

        private final List<String> names;

        Decode(String... names) {
            this.names = List.of(names);
        }

        /** The enumeration's name of a number, the number itself when the specification names none. */
        Object decode(Object value) {
            if (!names.isEmpty() && value instanceof Number n && n.longValue() >= 0 && n.longValue() < names.size()) {
                return names.get(n.intValue());
            }
            return value;
        }
    }

    /** One variable the hub monitors: its umati browse path (the source in messages), where it goes and how. */
    public record Node(NodeId id, String path, MappingRule rule, Decode decode) {
    }

    /**
     * A machine tool of the server.
     *
     * @param notifier the object whose events are the machine's messages and alarms: its Notification/Messages, or
     *                 the Server object when it has none
     * @param serialNumber its Identification/SerialNumber node, to tell machine tools apart
     */
    public record MachineTool(NodeId id, String name, List<Node> nodes, NodeId notifier, NodeId serialNumber) {
    }

    private final OpcUaClient client;
    private final NamespaceTable namespaces;

    private UmatiBrowser(OpcUaClient client) throws UaException {
        this.client = client;
        this.namespaces = client.readNamespaceTable();
    }

    /** The machine tools of the server: the objects of Objects/Machines (or Objects) that are MachineTools. */
    public static List<MachineTool> machineTools(OpcUaClient client) throws UaException {
        UmatiBrowser browser = new UmatiBrowser(client);
        if (browser.namespaces.getIndex(MACHINE_TOOL) == null) {
            return List.of();
        }
        List<ReferenceDescription> objects = browser.children(NodeIds.ObjectsFolder);
        Optional<ReferenceDescription> machines = browser.child(objects, "Machines", MACHINERY);
        List<ReferenceDescription> candidates = machines.isPresent() ? browser.childrenOrEmpty(machines.get()) : objects;
        List<MachineTool> tools = new ArrayList<>();
        for (ReferenceDescription candidate : candidates) {
            if (candidate.getNodeClass() == NodeClass.Object && tools.size() < MAX_ELEMENTS) {
                browser.machineTool(candidate).ifPresent(tools::add);
            }
        }
        return tools;
    }

    private Optional<MachineTool> machineTool(ReferenceDescription candidate) throws UaException {
        NodeId id = nodeId(candidate.getNodeId());
        List<ReferenceDescription> parts = children(id);
        Optional<ReferenceDescription> monitoring = child(parts, "Monitoring", MACHINE_TOOL);
        Optional<ReferenceDescription> production = child(parts, "Production", MACHINE_TOOL);
        if (!isMachineToolType(candidate.getTypeDefinition()) && (monitoring.isEmpty() || production.isEmpty())) {
            return Optional.empty();
        }
        List<Node> nodes = new ArrayList<>();
        NodeId serialNumber = null;
        Optional<ReferenceDescription> identification = child(parts, "Identification", MACHINERY, DI, MACHINE_TOOL);
        if (identification.isPresent()) {
            List<ReferenceDescription> properties = childrenOrEmpty(identification.get());
            for (String[] p : new String[][] {{"Manufacturer", "manufacturer"}, {"Model", "model"},
                    {"SerialNumber", "serialNumber"}, {"YearOfConstruction", "yearOfConstruction"},
                    {"SoftwareRevision", "softwareRevision"}}) {
                variable(properties, p[0], DI, MACHINERY, MACHINE_TOOL).ifPresent(v -> nodes.add(
                        node(v, "Identification/" + p[0], MachineEvent.Kind.commissioning, p[1], Decode.PLAIN)));
            }
            serialNumber = variable(properties, "SerialNumber", DI, MACHINERY, MACHINE_TOOL).map(this::nodeId).orElse(null);
            variable(properties, "Location", MACHINERY, DI, MACHINE_TOOL).ifPresent(v -> nodes.add(new Node(nodeId(v),
                    "Identification/Location", new MappingRule("Identification/Location", null, null,
                    MappingRule.Field.LOCATION_LAT, MappingRule.ValueType.AUTO), Decode.LOCATION)));
        }
        if (monitoring.isPresent()) {
            monitoring(childrenOrEmpty(monitoring.get()), nodes);
        }
        if (production.isPresent()) {
            production(childrenOrEmpty(production.get()), nodes);
        }
        NodeId notifier = NodeIds.Server;
        Optional<ReferenceDescription> notification = child(parts, "Notification", MACHINE_TOOL);
        if (notification.isPresent()) {
            List<ReferenceDescription> lists = childrenOrEmpty(notification.get());
            Optional<ReferenceDescription> messages = child(lists, "Messages", MACHINE_TOOL);
            if (messages.isPresent()) {
                notifier = nodeId(messages.get().getNodeId());
            }
            Optional<ReferenceDescription> prognoses = child(lists, "Prognoses", MACHINE_TOOL);
            if (prognoses.isPresent()) {
                for (ReferenceDescription prognosis : elements(prognoses.get())) {
                    variable(childrenOrEmpty(prognosis), "PredictedTime", MACHINE_TOOL).ifPresent(v -> nodes.add(node(v,
                            "Notification/Prognoses/" + name(prognosis) + "/PredictedTime", MachineEvent.Kind.status,
                            "prognoses/" + name(prognosis) + "/predictedTime", Decode.PLAIN)));
                }
            }
        }
        return Optional.of(new MachineTool(id, candidate.getBrowseName().getName(), List.copyOf(nodes), notifier,
                serialNumber));
    }

    /** Monitoring: the machine tool as a whole, its stacklight, and its channels and spindles (by their variables). */
    private void monitoring(List<ReferenceDescription> elements, List<Node> nodes) throws UaException {
        for (ReferenceDescription element : elements) {
            if (element.getNodeClass() != NodeClass.Object) {
                continue;
            }
            String name = name(element);
            List<ReferenceDescription> variables = childrenOrEmpty(element);
            if (matches(element, "MachineTool", MACHINE_TOOL)) {
                variable(variables, "OperationMode", MACHINE_TOOL).ifPresent(v -> nodes.add(node(v,
                        "Monitoring/MachineTool/OperationMode", MachineEvent.Kind.status, "operationMode",
                        Decode.OPERATION_MODE)));
                variable(variables, "PowerOnDuration", MACHINE_TOOL).ifPresent(v -> nodes.add(node(v,
                        "Monitoring/MachineTool/PowerOnDuration", MachineEvent.Kind.counter, "powerOnDuration",
                        Decode.PLAIN)));
            } else if (matches(element, "Stacklight", MACHINE_TOOL)) {
                for (ReferenceDescription light : elements(element)) {
                    List<ReferenceDescription> signal = childrenOrEmpty(light);
                    String at = "Monitoring/Stacklight/" + name(light) + "/";
                    String to = "stacklight/" + name(light) + "/";
                    variable(signal, "SignalOn", IA).ifPresent(v -> nodes.add(node(v, at + "SignalOn",
                            MachineEvent.Kind.status, to + "on", Decode.PLAIN)));
                    variable(signal, "SignalColor", IA).ifPresent(v -> nodes.add(node(v, at + "SignalColor",
                            MachineEvent.Kind.status, to + "color", Decode.SIGNAL_COLOR)));
                }
            } else if (variable(variables, "ChannelState", MACHINE_TOOL).isPresent()) {
                for (String[] p : new String[][] {{"ChannelState", "state"}, {"FeedOverride", "feedOverride"},
                        {"RapidOverride", "rapidOverride"}}) {
                    variable(variables, p[0], MACHINE_TOOL).ifPresent(v -> nodes.add(node(v,
                            "Monitoring/" + name + "/" + p[0], MachineEvent.Kind.status, "channels/" + name + "/" + p[1],
                            p[0].equals("ChannelState") ? Decode.CHANNEL_STATE : Decode.PLAIN)));
                }
            } else if (variable(variables, "IsRotating", MACHINE_TOOL).isPresent()) {
                for (String[] p : new String[][] {{"IsRotating", "rotating"}, {"Override", "override"}}) {
                    variable(variables, p[0], MACHINE_TOOL).ifPresent(v -> nodes.add(node(v,
                            "Monitoring/" + name + "/" + p[0], MachineEvent.Kind.status, "spindles/" + name + "/" + p[1],
                            Decode.PLAIN)));
                }
            }
        }
    }

    /** Production: the active program and the jobs of the production plan. */
    private void production(List<ReferenceDescription> parts, List<Node> nodes) throws UaException {
        Optional<ReferenceDescription> active = child(parts, "ActiveProgram", MACHINE_TOOL);
        if (active.isPresent()) {
            List<ReferenceDescription> program = childrenOrEmpty(active.get());
            variable(program, "Name", MACHINE_TOOL).ifPresent(v -> nodes.add(node(v, "Production/ActiveProgram/Name",
                    MachineEvent.Kind.program, "activeProgram/name", Decode.PLAIN)));
            currentState(program).ifPresent(v -> nodes.add(node(v, "Production/ActiveProgram/State/CurrentState",
                    MachineEvent.Kind.program, "activeProgram/state", Decode.PLAIN)));
        }
        Optional<ReferenceDescription> plan = child(parts, "ProductionPlan", MACHINE_TOOL);
        if (plan.isPresent()) {
            for (ReferenceDescription job : elements(plan.get())) {
                List<ReferenceDescription> fields = childrenOrEmpty(job);
                String at = "Production/ProductionPlan/" + name(job) + "/";
                String to = "jobs/" + name(job) + "/";
                for (String[] p : new String[][] {{"Identifier", "identifier"}, {"RunsCompleted", "runsCompleted"},
                        {"RunsPlanned", "runsPlanned"}}) {
                    variable(fields, p[0], MACHINE_TOOL).ifPresent(v -> nodes.add(node(v, at + p[0],
                            MachineEvent.Kind.program, to + p[1], Decode.PLAIN)));
                }
                currentState(fields).ifPresent(v -> nodes.add(node(v, at + "State/CurrentState",
                        MachineEvent.Kind.program, to + "state", Decode.PLAIN)));
            }
        }
    }

    /** State/CurrentState of a program or job (a FiniteStateMachine: CurrentState is OPC UA's own name). */
    private Optional<ReferenceDescription> currentState(List<ReferenceDescription> parts) throws UaException {
        Optional<ReferenceDescription> state = child(parts, "State", MACHINE_TOOL);
        return state.isPresent() ? variable(childrenOrEmpty(state.get()), "CurrentState", UA) : Optional.empty();
    }

    private Node node(ReferenceDescription variable, String path, MachineEvent.Kind kind, String value, Decode decode) {
        return new Node(nodeId(variable), path, new MappingRule(path, kind, value, null, MappingRule.ValueType.AUTO),
                decode);
    }

    /** The object children of a list (channels, jobs, prognoses, stack elements), at most {@value #MAX_ELEMENTS}. */
    private List<ReferenceDescription> elements(ReferenceDescription list) throws UaException {
        return childrenOrEmpty(list).stream().filter(r -> r.getNodeClass() == NodeClass.Object).limit(MAX_ELEMENTS).toList();
    }

    private static boolean matches(ReferenceDescription reference, String name, NamespaceTable namespaces, String... uris) {
        return name.equals(reference.getBrowseName().getName())
                && Set.of(uris).contains(namespaces.get(reference.getBrowseName().getNamespaceIndex()));
    }

    private boolean matches(ReferenceDescription reference, String name, String... uris) {
        return matches(reference, name, namespaces, uris);
    }

    private Optional<ReferenceDescription> child(List<ReferenceDescription> children, String name, String... uris) {
        return children.stream().filter(c -> c.getNodeClass() == NodeClass.Object && matches(c, name, uris)).findFirst();
    }

    private Optional<ReferenceDescription> variable(List<ReferenceDescription> children, String name, String... uris) {
        return children.stream().filter(c -> c.getNodeClass() == NodeClass.Variable && matches(c, name, uris)).findFirst();
    }

    private boolean isMachineToolType(ExpandedNodeId type) {
        if (type == null || type.isNull()) {
            return false;
        }
        Optional<NodeId> id = type.toNodeId(namespaces);
        return id.isPresent() && MACHINE_TOOL.equals(namespaces.get(id.get().getNamespaceIndex()))
                && Integer.valueOf(MACHINE_TOOL_TYPE).equals(id.get().getIdentifier() instanceof UInteger u ? u.intValue() : null);
    }

    /** An element's name in a canonical path: its BrowseName, without path separators, at most 64 characters. */
    private static String name(ReferenceDescription element) {
        String name = element.getBrowseName().getName().replace('/', '_');
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private NodeId nodeId(ReferenceDescription reference) {
        return nodeId(reference.getNodeId());
    }

    private NodeId nodeId(ExpandedNodeId id) {
        return id.toNodeId(namespaces).orElseThrow(() -> new IllegalStateException(
                "the OPC UA server referred to a node of another server"));
    }

    private List<ReferenceDescription> childrenOrEmpty(ReferenceDescription parent) throws UaException {
        return parent.getNodeId().isLocal() ? children(nodeId(parent.getNodeId())) : List.of();
    }

    /** The objects and variables below a node (forward hierarchical references), at most {@value #MAX_CHILDREN}. */
    private List<ReferenceDescription> children(NodeId parent) throws UaException {
        BrowseResult result = client.browse(new BrowseDescription(parent, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true,
                UInteger.valueOf(NodeClass.Object.getValue() | NodeClass.Variable.getValue()),
                UInteger.valueOf(BrowseResultMask.All.getValue())));
        List<ReferenceDescription> children = new ArrayList<>();
        while (true) {
            if (result.getStatusCode() != null && result.getStatusCode().isBad()) {
                throw new UaException(result.getStatusCode(), "browsing the umati machine tool failed");
            }
            if (result.getReferences() != null) {
                children.addAll(Arrays.asList(result.getReferences()));
            }
            ByteString next = result.getContinuationPoint();
            if (next == null || next.isNull() || children.size() >= MAX_CHILDREN) {
                if (next != null && next.isNotNull()) {
                    client.browseNext(true, List.of(next));
                }
                return children.size() > MAX_CHILDREN ? children.subList(0, MAX_CHILDREN) : children;
            }
            result = client.browseNext(false, List.of(next)).getResults()[0];
        }
    }
}
