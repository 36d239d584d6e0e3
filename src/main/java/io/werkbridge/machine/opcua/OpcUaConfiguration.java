package io.werkbridge.machine.opcua;

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
}
