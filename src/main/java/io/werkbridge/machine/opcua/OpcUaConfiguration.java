package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.milo.client.MiloClientComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OPC UA connector's beans for the machine routes (templates machine-opcua and machine-opcua-heartbeat). */
@Configuration(proxyBeanMethods = false)
public class OpcUaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaConfiguration.class);

    @Bean
    OpcUaValues opcUaValues() {
        return new OpcUaValues(Clock.systemUTC());
    }

    /** The application instance certificate and PKI folders under {@code <data-dir>/opcua}. */
    @Bean
    OpcUaSecurity opcUaSecurity(@Value("${werkbridge.data-dir}") String dataDir, MachineRegistry machines) {
        for (MachineDefinition machine : machines.all()) {
            if (machine.connection() instanceof Connection.OpcUa opcUa && opcUa.unsecured()) {
                LOG.warn("machine {} ({}): OPC UA without security (securityPolicy None): values and credentials cross"
                        + " the network unsigned and unencrypted", machine.id(), machine.file());
            }
        }
        return new OpcUaSecurity(Path.of(dataDir, "opcua"), System::getenv);
    }

    @Bean
    SecuredMiloConnections securedMiloConnections(MachineRegistry machines, OpcUaSecurity security) {
        return new SecuredMiloConnections(machines, security);
    }

    /** Every milo-client endpoint connects through the hub's security (never camel-milo's accept-all default). */
    @Bean
    ComponentCustomizer miloClientSecurity(SecuredMiloConnections connections) {
        return ComponentCustomizer.builder(MiloClientComponent.class)
                .build(component -> component.setMiloClientConnectionManager(connections));
    }

    /** Reconnects a machine silent for {@code werkbridge.machines.opcua.reconnect-after} (default 30 s) or longer. */
    @Bean
    OpcUaReconnect opcUaReconnect(CamelContext camel, MachineRegistry machines, MachineStatusBoard status,
                                  @Value("${werkbridge.machines.opcua.reconnect-after:30s}") Duration silence) {
        return new OpcUaReconnect(camel, machines, status, Clock.systemUTC(), silence);
    }

    /** The umati machine tools' consumer, {@code opcua-umati:<machineId>} (route template machine-opcua-umati). */
    @Bean("opcua-umati")
    UmatiComponent umatiComponent(MachineRegistry machines, OpcUaSecurity security, OpcUaValues values,
                                  MachineStatusBoard status) {
        return new UmatiComponent(machines, security, values, status);
    }

    @Bean
    UmatiEvents umatiEvents(io.werkbridge.machine.MachineEvents events, MachineStatusBoard status) {
        return new UmatiEvents(events, status, Clock.systemUTC());
    }

    @Bean
    OpcUaPersonalNodes opcUaPersonalNodes(MachineRegistry machines, MachineStatusBoard status, OpcUaSecurity security) {
        return new OpcUaPersonalNodes(machines, status, security);
    }
}
