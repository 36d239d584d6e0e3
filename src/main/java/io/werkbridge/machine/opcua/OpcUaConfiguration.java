package io.werkbridge.machine.opcua;

import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OPC UA connector's beans for the machine routes (templates machine-opcua and machine-opcua-heartbeat). */
@Configuration(proxyBeanMethods = false)
public class OpcUaConfiguration {

    @Bean
    OpcUaValues opcUaValues() {
        return new OpcUaValues(Clock.systemUTC());
    }

    @Bean
    OpcUaPersonalNodes opcUaPersonalNodes(MachineRegistry machines, MachineStatusBoard status) {
        return new OpcUaPersonalNodes(machines, status);
    }
}
