package io.werkbridge.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A machine tool's OPC UA server in miniature, on Eclipse Milo's server SDK: a namespace
 * {@value #NAMESPACE_URI} with variables after the OPC UA for Machinery layout (identification, monitoring,
 * production, notifications, operator), node ids {@code nsu=<namespace>;s=Machine/<group>/<name>}. Either anonymous
 * without security ({@link #start}) or secured like a real control ({@link #startSecured}); bound to one address: for
 * the demo and the tests, not for production.
 */
public final class SimulatedOpcUaMachine implements AutoCloseable {

    public static final String NAMESPACE_URI = "urn:werkbridge:simulated-machine";
    private static final String PATH = "/werkbridge";
    private static final long TIMEOUT_SECONDS = 20;
    private static final String OPERATOR = "Machine/Operator";

    /** The variables, their OPC UA data types and first values. */
    private static final List<Variable> VARIABLES = List.of(
            new Variable("Machine/Identification/Manufacturer", NodeIds.String, "Werkbridge Simulated Machines"),
            new Variable("Machine/Identification/SerialNumber", NodeIds.String, "SIM-0001"),
            new Variable("Machine/Identification/SoftwareRevision", NodeIds.String, "1.0.0"),
            new Variable("Machine/Monitoring/State", NodeIds.String, "Idle"),
            new Variable("Machine/Monitoring/SpindleSpeed", NodeIds.Double, 0.0),
            new Variable("Machine/Production/Program", NodeIds.String, "O0000"),
            new Variable("Machine/Production/JobId", NodeIds.String, "J-0"),
            new Variable("Machine/Production/PartCount", NodeIds.UInt32, UInteger.valueOf(0)),
            new Variable("Machine/Notifications/AlarmCode", NodeIds.Int32, 0),
            new Variable("Machine/Notifications/AlarmText", NodeIds.LocalizedText, LocalizedText.english("")),
            new Variable("Machine/Operator/Id", NodeIds.String, ""),
            new Variable("Machine/Operator/Name", NodeIds.String, ""));

    private final OpcUaServer server;
    private final MachineNamespace namespace;
    private final String endpoint;

    private SimulatedOpcUaMachine(OpcUaServer server, MachineNamespace namespace, String endpoint) {
        this.server = server;
        this.namespace = namespace;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server on {@code host:port} (port 0 is not supported by the SDK: pick a free one).
     *
     * @throws IllegalStateException if it does not start within 20 s
     */
    public static SimulatedOpcUaMachine start(String host, int port) {
        EndpointConfig endpoint = endpoint(host, port).setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = serverConfig(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .build();
        return start(config, host, port);
    }

    /**
     * Starts a server as a careful IT department sets one up: only Basic256Sha256 with SignAndEncrypt, only a user
     * name and password, its own certificate ({@code server.pfx} in {@code pki}, created when missing: a new
     * {@code pki} folder means a renewed certificate) and a trust list of client certificates
     * ({@code pki/trusted/certs}; others land in {@code pki/rejected}).
     *
     * @param trustedClients client certificates the server trusts from the start
     */
    public static SimulatedOpcUaMachine startSecured(String host, int port, java.nio.file.Path pki, String user,
                                                     String password, List<X509Certificate> trustedClients) {
        try {
            var trustList = FileBasedTrustListManager.createAndInitialize(pki);
            trustedClients.forEach(trustList::addTrustedCertificate);
            var quarantine = FileBasedCertificateQuarantine.create(pki.resolve("rejected"));
            var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                    pki.resolve("server.pfx"), PASSWORD::toCharArray, alias -> PASSWORD.toCharArray()));
            var factory = new RsaSha256CertificateFactory() {
                @Override
                protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                    return new X509Certificate[] {new SelfSignedCertificateBuilder(keyPair)
                            .setCommonName("Werkbridge simulated machine")
                            .setApplicationUri(APPLICATION_URI)
                            .addDnsName("localhost")
                            .addIpAddress(host)
                            .build()};
                }
            };
            var group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory,
                    new DefaultServerCertificateValidator(trustList, quarantine));
            X509Certificate certificate = group.getCertificateEntries().get(0).certificateChain[0];
            Set<EndpointConfig> endpoints = Set.of(endpoint(host, port)
                    .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .setCertificate(certificate)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                    .build());
            OpcUaServerConfig config = serverConfig(endpoints)
                    .setCertificateManager(new DefaultCertificateManager(quarantine, group))
                    .setIdentityValidator(new UsernameIdentityValidator(
                            challenge -> user.equals(challenge.getUsername()) && password.equals(challenge.getPassword())))
                    .build();
            return start(config, host, port);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the secured simulated OPC UA machine cannot be set up in " + pki, e);
        }
    }

    private static final String APPLICATION_URI = "urn:werkbridge:simulated-machine:server";
    // the simulated server's own key store: a demo and test fixture, no secret
    private static final String PASSWORD = "simulated-machine";

    private static EndpointConfig.Builder endpoint(String host, int port) {
        return EndpointConfig.newBuilder().setBindAddress(host).setHostname(host).setBindPort(port).setPath(PATH);
    }

    private static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder serverConfig(Set<EndpointConfig> endpoints) {
        return OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Werkbridge simulated machine"))
                .setProductUri("urn:werkbridge:simulated-machine")
                .setEndpoints(endpoints);
    }

    private static SimulatedOpcUaMachine start(OpcUaServerConfig config, String host, int port) {
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        MachineNamespace namespace = new MachineNamespace(server);
        namespace.startup();
        try {
            server.startup().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the simulated OPC UA machine", e);
        } catch (ExecutionException | TimeoutException e) {
            namespace.shutdown();
            throw new IllegalStateException("the simulated OPC UA machine did not start on " + host + ":" + port, e);
        }
        return new SimulatedOpcUaMachine(server, namespace, "opc.tcp://" + host + ":" + port + PATH);
    }

    /** The server's application instance certificate, or null for the unsecured machine. */
    public X509Certificate certificate() {
        var groups = server.getConfig().getCertificateManager().getCertificateGroups();
        return groups.isEmpty() || groups.get(0).getCertificateEntries().isEmpty() ? null
                : groups.get(0).getCertificateEntries().get(0).certificateChain[0];
    }

    /** The endpoint URL clients connect to. */
    public String endpoint() {
        return endpoint;
    }

    /** The node id of a variable, e.g. {@code nsu=urn:werkbridge:simulated-machine;s=Machine/Monitoring/State}. */
    public static String nodeId(String name) {
        return "nsu=" + NAMESPACE_URI + ";s=" + name;
    }

    /**
     * Sets a variable, source-timestamped now. Values: String, Double, Integer, {@link UInteger},
     * {@link LocalizedText}, matching the variable's type.
     *
     * @throws IllegalArgumentException for a name the machine does not have
     */
    public void set(String name, Object value) {
        UaVariableNode node = namespace.variables.get(name);
        if (node == null) {
            throw new IllegalArgumentException("the simulated machine has no variable " + name);
        }
        node.setValue(new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now()));
    }

    /**
     * Fires an Alarms & Conditions event (AlarmConditionType) from the machine's Notifications folder through the
     * server's event notifier, as a control reports a raised, changed or acknowledged alarm.
     *
     * @param condition    the condition's name, e.g. the alarm number
     * @param severity     1 (low) to 1000 (high)
     * @param acknowledged the AckedState/Id
     */
    public void fireAlarm(String condition, int severity, String message, boolean active, boolean acknowledged) {
        try {
            var event = (org.eclipse.milo.opcua.sdk.server.model.objects.AlarmConditionTypeNode) server.getEventFactory()
                    .createEvent(new NodeId(namespace.getNamespaceIndex(), java.util.UUID.randomUUID()), NodeIds.AlarmConditionType);
            event.setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(
                    namespace.getNamespaceIndex(), condition));
            event.setDisplayName(LocalizedText.english(condition));
            event.setEventId(org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(
                    java.nio.ByteBuffer.allocate(16).putLong(System.nanoTime()).putInt(condition.hashCode()).array()));
            event.setEventType(NodeIds.AlarmConditionType);
            event.setSourceNode(NodeIds.Server);
            event.setSourceName("Machine/Notifications");
            event.setTime(DateTime.now());
            event.setReceiveTime(DateTime.NULL_VALUE);
            event.setMessage(LocalizedText.english(message));
            event.setSeverity(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort(severity));
            event.setConditionName(condition);
            event.setRetain(active || !acknowledged);
            event.setAckedState(LocalizedText.english(acknowledged ? "Acknowledged" : "Unacknowledged"));
            event.getAckedStateNode().setId(acknowledged);
            event.setActiveState(LocalizedText.english(active ? "Active" : "Inactive"));
            event.getActiveStateNode().setId(active);
            server.getEventNotifier().fire(event);
            event.delete();
        } catch (org.eclipse.milo.opcua.stack.core.UaException e) {
            throw new IllegalStateException("the simulated machine cannot create an alarm event", e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the simulated OPC UA machine did not stop", e);
        } finally {
            namespace.shutdown();
        }
    }

    private record Variable(String name, NodeId dataType, Object initial) {
    }

    /** The machine's nodes under Objects/Machine, sampled for subscriptions by the SDK's subscription model. */
    private static final class MachineNamespace extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();

        MachineNamespace(OpcUaServer server) {
            super(server, NAMESPACE_URI);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::createNodes);
        }

        private void createNodes() {
            UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Machine"), newQualifiedName("Machine"),
                    LocalizedText.english("Machine"));
            getNodeManager().addNode(folder);
            folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
            // The operator as companion specifications model one (OPC 40083's UserType: "information on the
            // operator(s) of the machine", with Id and Name): an object of a type named UserType, so a client can
            // tell from the metadata that its variables are about a person.
            UaObjectTypeNode userType = new UaObjectTypeNode.UaObjectTypeNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId("UserType"))
                    .setBrowseName(newQualifiedName("UserType"))
                    .setDisplayName(LocalizedText.english("UserType"))
                    .setIsAbstract(false)
                    .build();
            getNodeManager().addNode(userType);
            userType.addReference(new Reference(userType.getNodeId(), NodeIds.HasSubtype, NodeIds.BaseObjectType.expanded(), false));
            UaObjectNode operator = new UaObjectNode.UaObjectNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(OPERATOR))
                    .setBrowseName(newQualifiedName("Operator"))
                    .setDisplayName(LocalizedText.english("Operator"))
                    .setTypeDefinition(userType.getNodeId())
                    .build();
            getNodeManager().addNode(operator);
            folder.addOrganizes(operator);
            for (Variable variable : VARIABLES) {
                String browseName = variable.name().substring(variable.name().lastIndexOf('/') + 1);
                UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(newNodeId(variable.name()))
                        .setBrowseName(newQualifiedName(browseName))
                        .setDisplayName(LocalizedText.english(browseName))
                        .setDataType(variable.dataType())
                        .setTypeDefinition(NodeIds.BaseDataVariableType)
                        .setAccessLevel(AccessLevel.READ_ONLY)
                        .setUserAccessLevel(AccessLevel.READ_ONLY)
                        .setValue(new DataValue(new Variant(variable.initial()), StatusCode.GOOD, DateTime.now()))
                        .build();
                getNodeManager().addNode(node);
                if (variable.name().startsWith(OPERATOR + "/")) {
                    operator.addComponent(node);
                } else {
                    folder.addOrganizes(node);
                }
                variables.put(variable.name(), node);
            }
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
    }
}
