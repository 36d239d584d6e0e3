package io.werkbridge.machine.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.AcknowledgeableConditionType;
import org.eclipse.milo.opcua.sdk.server.model.objects.AlarmConditionTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A umati machine tool's OPC UA server, built in the test from the companion specifications' structure (OPC 40501-1
 * MachineTool on OPC 40001-1 Machinery, OPC 10000-100 DI, OPC 10000-200 IA): Objects/Machines/MT-1 with Identification,
 * Monitoring (MachineTool, Stacklight, a channel, a spindle), Production (ActiveProgram, ProductionPlan with a job),
 * Notification (Messages as event notifier, Prognoses). The machine's own nodes are in a vendor namespace; BrowseNames
 * are in the specifications' namespaces, registered in an order of their own (plus an unused one) so that their
 * indices are not the usual ones. An Alarms & Conditions alarm (AlarmConditionType) lives under Messages with a working
 * Acknowledge method. A vendor variable with an operator's name stands next to the specified ones and must never
 * travel. Unsecured, anonymous or user name: a test fixture.
 */
public final class UmatiTestServer implements AutoCloseable {

    public static final String VENDOR = "urn:werkbridge:test:umati-vendor";
    public static final String MACHINE = "MT-1";
    private static final String PATH = "/umati";

    private final OpcUaServer server;
    private final Nodes nodes;
    private final String endpoint;

    private UmatiTestServer(OpcUaServer server, Nodes nodes, String endpoint) {
        this.server = server;
        this.nodes = nodes;
        this.endpoint = endpoint;
    }

    /** Starts the server on a free port of 127.0.0.1 chosen by the caller; users may acknowledge with a password. */
    public static UmatiTestServer start(int port, String user, String password) {
        EndpointConfig config = EndpointConfig.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                .setBindPort(port).setPath(PATH).setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                        // a test fixture without certificates: the password travels unencrypted
                        new UserTokenPolicy("username-none", UserTokenType.UserName, null, null, SecurityPolicy.None.getUri()))
                .build();
        OpcUaServerConfig serverConfig = OpcUaServerConfig.builder()
                .setApplicationUri("urn:werkbridge:test:umati-server")
                .setApplicationName(LocalizedText.english("Werkbridge umati test machine"))
                .setProductUri("urn:werkbridge:test:umati-server")
                .setEndpoints(Set.of(config))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE, new UsernameIdentityValidator(
                        challenge -> user.equals(challenge.getUsername()) && password.equals(challenge.getPassword()))))
                .build();
        OpcUaServer server = new OpcUaServer(serverConfig,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        // companion namespaces in an order of their own: clients must resolve them from the namespace array
        server.getNamespaceTable().add("urn:werkbridge:test:unused");
        server.getNamespaceTable().add(UmatiBrowser.IA);
        server.getNamespaceTable().add(UmatiBrowser.MACHINE_TOOL);
        server.getNamespaceTable().add(UmatiBrowser.DI);
        server.getNamespaceTable().add(UmatiBrowser.MACHINERY);
        Nodes nodes = new Nodes(server);
        nodes.startup();
        try {
            server.startup().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            nodes.shutdown();
            throw new IllegalStateException("the umati test server did not start on port " + port, e);
        }
        return new UmatiTestServer(server, nodes, "opc.tcp://127.0.0.1:" + port + PATH);
    }

    public String endpoint() {
        return endpoint;
    }

    /** The NodeId of a machine node by its path below MT-1, e.g. {@code Monitoring/Channel_1/ChannelState}. */
    public NodeId nodeId(String path) {
        return new NodeId(nodes.getNamespaceIndex(), MACHINE + "/" + path);
    }

    /** Sets a variable below MT-1, source-timestamped now. */
    public void set(String path, Object value) {
        UaVariableNode node = nodes.variables.get(path);
        if (node == null) {
            throw new IllegalArgumentException("the umati test machine has no variable " + path);
        }
        node.setValue(new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now()));
    }

    /** Fires a umati message (an event of NotificationEventType with its Identifier) from Notification/Messages. */
    public void message(String identifier, int severity, String text) {
        try {
            BaseEventTypeNode event = server.getEventFactory().createEvent(
                    new NodeId(nodes.getNamespaceIndex(), UUID.randomUUID()), NodeIds.BaseEventType);
            event.setBrowseName(new QualifiedName(nodes.getNamespaceIndex(), "Message"));
            event.setDisplayName(LocalizedText.english("Message"));
            event.setEventId(eventId());
            event.setEventType(new NodeId(nodes.index(UmatiBrowser.MACHINE_TOOL), uint(35)));
            event.setSourceNode(nodes.messages.getNodeId());
            event.setSourceName(MACHINE);
            event.setTime(DateTime.now());
            event.setReceiveTime(DateTime.NULL_VALUE);
            event.setMessage(LocalizedText.english(text));
            event.setSeverity(ushort(severity));
            UaVariableNode id = nodes.property(event.getNodeContext(), event.getNodeId() + "/Identifier",
                    UmatiBrowser.MACHINE_TOOL, "Identifier", NodeIds.String, identifier);
            event.addReference(new Reference(event.getNodeId(), NodeIds.HasProperty, id.getNodeId().expanded(), true));
            server.getEventNotifier().fire(event);
            id.delete();
            event.delete();
        } catch (UaException e) {
            throw new IllegalStateException("the umati test machine cannot create a message event", e);
        }
    }

    /** Raises the machine's alarm (AlertType-like AlarmConditionType under Messages): active, unacknowledged. */
    public void raiseAlarm(String text, int severity) {
        AlarmConditionTypeNode alarm = nodes.alarm;
        synchronized (alarm) {
            alarm.setMessage(LocalizedText.english(text));
            alarm.setSeverity(ushort(severity));
            alarm.setRetain(true);
            alarm.setActiveState(LocalizedText.english("Active"));
            alarm.getActiveStateNode().setId(true);
            alarm.setAckedState(LocalizedText.english("Unacknowledged"));
            alarm.getAckedStateNode().setId(false);
            alarm.setComment(LocalizedText.english(""));
            alarm.setClientUserId("");
            fire(server, alarm);
        }
    }

    /** The alarm condition's NodeId (what a client acknowledges). */
    public NodeId alarmId() {
        return nodes.alarm.getNodeId();
    }

    /** The EventId of the alarm's latest event (the Acknowledge method needs it). */
    public ByteString alarmEventId() {
        return nodes.alarm.getEventId();
    }

    private static void fire(OpcUaServer server, AlarmConditionTypeNode alarm) {
        alarm.setEventId(eventId());
        alarm.setTime(DateTime.now());
        alarm.setReceiveTime(DateTime.NULL_VALUE);
        server.getEventNotifier().fire(alarm);
    }

    private static ByteString eventId() {
        UUID id = UUID.randomUUID();
        return ByteString.of(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the umati test server did not stop", e);
        } finally {
            nodes.shutdown();
        }
    }

    /** The machine's nodes (vendor namespace) with BrowseNames of the companion specifications. */
    private static final class Nodes extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel subscriptions;
        private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
        private final Map<EventItem, Boolean> eventItems = new ConcurrentHashMap<>();
        private UaObjectNode messages;
        private AlarmConditionTypeNode alarm;

        Nodes(OpcUaServer server) {
            super(server, VENDOR);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::create);
        }

        int index(String uri) {
            return getServer().getNamespaceTable().getIndex(uri).intValue();
        }

        private QualifiedName name(String uri, String name) {
            return new QualifiedName(index(uri), name);
        }

        private void create() {
            UaFolderNode machines = new UaFolderNode(getNodeContext(), newNodeId("Machines"),
                    name(UmatiBrowser.MACHINERY, "Machines"), LocalizedText.english("Machines"));
            getNodeManager().addNode(machines);
            machines.addReference(new Reference(machines.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
            UaObjectNode tool = object(machines, MACHINE, new QualifiedName(getNamespaceIndex(), MACHINE), NodeIds.Organizes,
                    new NodeId(index(UmatiBrowser.MACHINE_TOOL), uint(13)));

            UaObjectNode identification = object(tool, "Identification", name(UmatiBrowser.MACHINERY, "Identification"),
                    NodeIds.HasAddIn, NodeIds.BaseObjectType);
            variable(identification, "Identification/Manufacturer", UmatiBrowser.DI, NodeIds.LocalizedText,
                    LocalizedText.english("Werkbridge Test Machine Tools"));
            variable(identification, "Identification/Model", UmatiBrowser.DI, NodeIds.LocalizedText,
                    LocalizedText.english("WB 500 five-axis"));
            variable(identification, "Identification/SerialNumber", UmatiBrowser.DI, NodeIds.String, "WB500-0042");
            variable(identification, "Identification/YearOfConstruction", UmatiBrowser.MACHINERY, NodeIds.UInt16, ushort(2024));
            variable(identification, "Identification/SoftwareRevision", UmatiBrowser.DI, NodeIds.String, "V4.7.2");
            variable(identification, "Identification/Location", UmatiBrowser.MACHINERY, NodeIds.String, "48.7758, 9.1829");

            UaObjectNode monitoring = object(tool, "Monitoring", name(UmatiBrowser.MACHINE_TOOL, "Monitoring"),
                    NodeIds.HasComponent, NodeIds.BaseObjectType);
            UaObjectNode machineTool = object(monitoring, "Monitoring/MachineTool",
                    name(UmatiBrowser.MACHINE_TOOL, "MachineTool"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            variable(machineTool, "Monitoring/MachineTool/OperationMode", UmatiBrowser.MACHINE_TOOL, NodeIds.Int32, 1);
            variable(machineTool, "Monitoring/MachineTool/PowerOnDuration", UmatiBrowser.MACHINE_TOOL, NodeIds.UInt32, uint(12500));
            // a vendor's own variable about a person: not in the profile, so never taken
            variable(machineTool, "Monitoring/MachineTool/OperatorName", VENDOR, NodeIds.String, "Max Beispiel");
            UaObjectNode stacklight = object(monitoring, "Monitoring/Stacklight", name(UmatiBrowser.MACHINE_TOOL, "Stacklight"),
                    NodeIds.HasComponent, NodeIds.BaseObjectType);
            UaObjectNode lamp = object(stacklight, "Monitoring/Stacklight/Lamp_0", new QualifiedName(getNamespaceIndex(), "Lamp_0"),
                    NodeIds.HasOrderedComponent, NodeIds.BaseObjectType);
            variable(lamp, "Monitoring/Stacklight/Lamp_0/SignalOn", UmatiBrowser.IA, NodeIds.Boolean, true);
            variable(lamp, "Monitoring/Stacklight/Lamp_0/SignalColor", UmatiBrowser.IA, NodeIds.Int32, 2);
            UaObjectNode channel = object(monitoring, "Monitoring/Channel_1", new QualifiedName(getNamespaceIndex(), "Channel_1"),
                    NodeIds.HasComponent, new NodeId(index(UmatiBrowser.MACHINE_TOOL), uint(16)));
            variable(channel, "Monitoring/Channel_1/ChannelState", UmatiBrowser.MACHINE_TOOL, NodeIds.Int32, 0);
            variable(channel, "Monitoring/Channel_1/FeedOverride", UmatiBrowser.MACHINE_TOOL, NodeIds.Double, 100.0);
            variable(channel, "Monitoring/Channel_1/RapidOverride", UmatiBrowser.MACHINE_TOOL, NodeIds.Double, 50.0);
            UaObjectNode spindle = object(monitoring, "Monitoring/Spindle_1", new QualifiedName(getNamespaceIndex(), "Spindle_1"),
                    NodeIds.HasComponent, new NodeId(index(UmatiBrowser.MACHINE_TOOL), uint(22)));
            variable(spindle, "Monitoring/Spindle_1/IsRotating", UmatiBrowser.MACHINE_TOOL, NodeIds.Boolean, true);
            variable(spindle, "Monitoring/Spindle_1/Override", UmatiBrowser.MACHINE_TOOL, NodeIds.Double, 95.0);

            UaObjectNode production = object(tool, "Production", name(UmatiBrowser.MACHINE_TOOL, "Production"),
                    NodeIds.HasComponent, NodeIds.BaseObjectType);
            UaObjectNode active = object(production, "Production/ActiveProgram",
                    name(UmatiBrowser.MACHINE_TOOL, "ActiveProgram"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            variable(active, "Production/ActiveProgram/Name", UmatiBrowser.MACHINE_TOOL, NodeIds.String, "O4711");
            UaObjectNode programState = object(active, "Production/ActiveProgram/State",
                    name(UmatiBrowser.MACHINE_TOOL, "State"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            variable(programState, "Production/ActiveProgram/State/CurrentState", UmatiBrowser.UA, NodeIds.LocalizedText,
                    LocalizedText.english("Running"));
            UaObjectNode plan = object(production, "Production/ProductionPlan",
                    name(UmatiBrowser.MACHINE_TOOL, "ProductionPlan"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            UaObjectNode job = object(plan, "Production/ProductionPlan/Job_1", new QualifiedName(getNamespaceIndex(), "Job_1"),
                    NodeIds.HasOrderedComponent, NodeIds.BaseObjectType);
            variable(job, "Production/ProductionPlan/Job_1/Identifier", UmatiBrowser.MACHINE_TOOL, NodeIds.String, "JOB-2026-17");
            variable(job, "Production/ProductionPlan/Job_1/RunsCompleted", UmatiBrowser.MACHINE_TOOL, NodeIds.UInt32, uint(3));
            variable(job, "Production/ProductionPlan/Job_1/RunsPlanned", UmatiBrowser.MACHINE_TOOL, NodeIds.UInt32, uint(10));
            UaObjectNode jobState = object(job, "Production/ProductionPlan/Job_1/State",
                    name(UmatiBrowser.MACHINE_TOOL, "State"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            variable(jobState, "Production/ProductionPlan/Job_1/State/CurrentState", UmatiBrowser.UA, NodeIds.LocalizedText,
                    LocalizedText.english("Running"));

            UaObjectNode notification = object(tool, "Notification", name(UmatiBrowser.MACHINE_TOOL, "Notification"),
                    NodeIds.HasComponent, NodeIds.BaseObjectType);
            messages = object(notification, "Notification/Messages", name(UmatiBrowser.MACHINE_TOOL, "Messages"),
                    NodeIds.HasComponent, NodeIds.BaseObjectType);
            messages.setEventNotifier(UByte.valueOf(1));
            UaObjectNode prognoses = object(notification, "Notification/Prognoses",
                    name(UmatiBrowser.MACHINE_TOOL, "Prognoses"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            UaObjectNode toolChange = object(prognoses, "Notification/Prognoses/ToolChange",
                    new QualifiedName(getNamespaceIndex(), "ToolChange"), NodeIds.HasComponent, NodeIds.BaseObjectType);
            variable(toolChange, "Notification/Prognoses/ToolChange/PredictedTime", UmatiBrowser.MACHINE_TOOL,
                    NodeIds.DateTime, new DateTime(java.time.Instant.parse("2026-12-24T08:00:00Z")));
            alarm = alarm();
        }

        /** The machine's alarm: an AlarmConditionType instance under Messages whose Acknowledge works. */
        private AlarmConditionTypeNode alarm() {
            try {
                NodeId id = newNodeId(MACHINE + "/Notification/Messages/SpindleTemperature");
                AlarmConditionTypeNode node = (AlarmConditionTypeNode) new NodeFactory(getNodeContext())
                        .createNode(id, NodeIds.AlarmConditionType, new NodeFactory.InstantiationCallback() {
                            @Override
                            public boolean includeOptionalNode(NodeId typeDefinitionId, QualifiedName browseName) {
                                return false;
                            }
                        });
                node.setBrowseName(new QualifiedName(getNamespaceIndex(), "SpindleTemperature"));
                node.setDisplayName(LocalizedText.english("SpindleTemperature"));
                node.setEventType(new NodeId(index(UmatiBrowser.MACHINE_TOOL), uint(39)));
                node.setSourceNode(newNodeId(MACHINE + "/Monitoring/Spindle_1"));
                node.setSourceName("Spindle_1");
                node.setConditionName("A-1042");
                node.setEnabledState(LocalizedText.english("Enabled"));
                node.getEnabledStateNode().setId(true);
                node.setRetain(false);
                node.setAckedState(LocalizedText.english("Acknowledged"));
                node.getAckedStateNode().setId(true);
                node.setActiveState(LocalizedText.english("Inactive"));
                node.getActiveStateNode().setId(false);
                UaVariableNode errorCode = property(getNodeContext(), id.getIdentifier() + "/ErrorCode",
                        UmatiBrowser.MACHINE_TOOL, "ErrorCode", NodeIds.String, "E-1042");
                node.addReference(new Reference(node.getNodeId(), NodeIds.HasProperty, errorCode.getNodeId().expanded(), true));
                messages.addReference(new Reference(messages.getNodeId(), NodeIds.HasCondition, node.getNodeId().expanded(), true));
                UaMethodNode acknowledge = node.getAcknowledgeMethodNode();
                acknowledge.setInvocationHandler(new AcknowledgeableConditionType.AcknowledgeMethod(acknowledge) {
                    @Override
                    protected void invoke(InvocationContext context, ByteString eventId, LocalizedText comment)
                            throws UaException {
                        synchronized (node) {
                            if (!node.getEventId().equals(eventId)) {
                                throw new UaException(StatusCodes.Bad_EventIdUnknown);
                            }
                            if (Boolean.TRUE.equals(node.getAckedStateNode().getId())) {
                                throw new UaException(StatusCodes.Bad_ConditionBranchAlreadyAcked);
                            }
                            node.setAckedState(LocalizedText.english("Acknowledged"));
                            node.getAckedStateNode().setId(true);
                            node.setComment(comment);
                            // ClientUserId: the user identity of the session that acknowledged (OPC 10000-9 5.5.2)
                            node.setClientUserId(context.getSession().map(s -> s.getIdentity())
                                    .filter(i -> i instanceof Identity.UsernameIdentity)
                                    .map(i -> ((Identity.UsernameIdentity) i).getUsername()).orElse(""));
                            fire(getServer(), node);
                        }
                    }
                });
                return node;
            } catch (UaException e) {
                throw new IllegalStateException("the umati test machine cannot create its alarm", e);
            }
        }

        private UaObjectNode object(UaNode parent, String path, QualifiedName browseName, NodeId reference, NodeId type) {
            UaObjectNode node = new UaObjectNode.UaObjectNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(path.startsWith(MACHINE) || path.equals("Machines") ? path : MACHINE + "/" + path))
                    .setBrowseName(browseName)
                    .setDisplayName(LocalizedText.english(browseName.getName()))
                    .setTypeDefinition(type)
                    .build();
            getNodeManager().addNode(node);
            parent.addReference(new Reference(parent.getNodeId(), reference, node.getNodeId().expanded(), true));
            return node;
        }

        private void variable(UaNode parent, String path, String uri, NodeId dataType, Object value) {
            String browseName = path.substring(path.lastIndexOf('/') + 1);
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(MACHINE + "/" + path))
                    .setBrowseName(name(uri, browseName))
                    .setDisplayName(LocalizedText.english(browseName))
                    .setDataType(dataType)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .setValue(new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now()))
                    .build();
            getNodeManager().addNode(node);
            parent.addReference(new Reference(parent.getNodeId(), NodeIds.HasComponent, node.getNodeId().expanded(), true));
            variables.put(path, node);
        }

        UaVariableNode property(UaNodeContext context, String id, String uri, String name, NodeId dataType, Object value) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(context)
                    .setNodeId(new NodeId(getNamespaceIndex(), id))
                    .setBrowseName(name(uri, name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(dataType)
                    .setTypeDefinition(NodeIds.PropertyType)
                    .setValue(new DataValue(new Variant(value)))
                    .build();
            context.getNodeManager().addNode(node);
            return node;
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }

        // event items on Messages: every event the machine fires reaches them (the server has only this machine)
        @Override
        public void onEventItemsCreated(List<EventItem> items) {
            items.forEach(item -> getServer().getEventNotifier().register(item));
        }

        @Override
        public void onEventItemsDeleted(List<EventItem> items) {
            items.forEach(item -> getServer().getEventNotifier().unregister(item));
        }
    }
}
