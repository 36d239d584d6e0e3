package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.component.milo.client.MiloClientConfiguration;
import org.apache.camel.component.milo.client.MiloClientConnection;
import org.apache.camel.component.milo.client.MiloClientConnectionManager;
import org.apache.camel.component.milo.client.MonitorFilterConfiguration;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.UaRuntimeException;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;

/**
 * camel-milo's client connections with the hub's OPC UA security. A machine route names its machine in the
 * endpoint's {@code clientId}; the connection then gets the machine's security policy (camel-milo's
 * {@code allowedSecurityPolicies}: only that one), the hub's application instance certificate, the trust list that
 * validates the server's certificate (camel-milo sets no validator: Milo's default would accept any server) and the
 * machine's user identity. camel-milo's own reconnect loop stays: after a server restart or a renewed server
 * certificate (once trusted) the subscriptions come back. One connection per machine and endpoint, shared by its
 * routes, closed when the last releases it.
 */
public final class SecuredMiloConnections implements MiloClientConnectionManager {

    private final MachineRegistry machines;
    private final OpcUaSecurity security;
    private final Map<String, Shared> connections = new HashMap<>();

    public SecuredMiloConnections(MachineRegistry machines, OpcUaSecurity security) {
        this.machines = machines;
        this.security = security;
    }

    private static final class Shared {
        private final MiloClientConnection connection;
        private int users;

        private Shared(MiloClientConnection connection) {
            this.connection = connection;
        }
    }

    @Override
    public synchronized MiloClientConnection createConnection(MiloClientConfiguration configuration,
                                                              MonitorFilterConfiguration filter) {
        String machineId = configuration.getClientId();
        if (machineId == null) {
            throw new IllegalArgumentException("a milo-client endpoint of the hub needs clientId=<machine id>");
        }
        MachineDefinition machine = machines.require(machineId);
        if (!(machine.connection() instanceof Connection.OpcUa opcUa)) {
            throw new IllegalArgumentException("machine " + machineId + " is not an OPC UA machine");
        }
        Shared shared = connections.computeIfAbsent(configuration.toCacheId(),
                id -> new Shared(new MiloClientConnection(new Secured(configuration, opcUa, security), filter)));
        shared.users++;
        return shared.connection;
    }

    @Override
    public synchronized void releaseConnection(MiloClientConnection connection) {
        var entries = connections.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (entry.getValue().connection == connection && --entry.getValue().users <= 0) {
                entries.remove();
                try {
                    connection.close();
                } catch (Exception e) {
                    throw new IllegalStateException("the OPC UA connection " + entry.getKey() + " did not close", e);
                }
            }
        }
    }

    /** camel-milo's configuration of one machine, building its Milo client with the machine's security. */
    static final class Secured extends MiloClientConfiguration {

        private final Connection.OpcUa connection;
        private final OpcUaSecurity security;

        Secured(MiloClientConfiguration configuration, Connection.OpcUa connection, OpcUaSecurity security) {
            super(configuration);
            this.connection = connection;
            this.security = security;
            setAllowedSecurityPolicies(Set.of(OpcUaSecurity.policy(connection).getUri()));
        }

        @Override
        public OpcUaClientConfigBuilder newBuilder() {
            PinnedBuilder builder = new PinnedBuilder(connection);
            if (getRequestTimeout() != null) {
                builder.setRequestTimeout(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(getRequestTimeout()));
            }
            security.configure(builder, connection);
            builder.pinned = true;
            return builder;
        }

        @Override
        public Secured clone() {
            return new Secured(this, connection, security);
        }
    }

    /**
     * camel-milo sets the identity from the endpoint URI's user info (or anonymous) after the configuration is
     * built, and picks the endpoint with the highest security level of the allowed policies: the builder keeps the
     * machine's identity, and refuses an endpoint below the machine's mode.
     */
    static final class PinnedBuilder extends OpcUaClientConfigBuilder {

        private final Connection.OpcUa connection;
        private boolean pinned;

        PinnedBuilder(Connection.OpcUa connection) {
            this.connection = connection;
        }

        @Override
        public OpcUaClientConfigBuilder setIdentityProvider(IdentityProvider identityProvider) {
            return pinned ? this : super.setIdentityProvider(identityProvider);
        }

        @Override
        public OpcUaClientConfigBuilder setEndpoint(EndpointDescription endpoint) {
            if (endpoint == null || OpcUaSecurity.select(java.util.List.of(endpoint), connection).isEmpty()) {
                throw new UaRuntimeException(OpcUaSecurity.noEndpoint(connection));
            }
            return super.setEndpoint(endpoint);
        }
    }
}
