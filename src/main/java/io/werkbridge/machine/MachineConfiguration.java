package io.werkbridge.machine;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The machine files, read and checked at start-up: a bad file stops the hub with a message naming it. */
@Configuration(proxyBeanMethods = false)
public class MachineConfiguration {

    @Bean
    MachineRegistry machineRegistry(ResourcePatternResolver resources, Environment environment, MachineProperties machines) {
        return new MachineFiles(resources, environment).load(machines.location());
    }

    @Bean
    MachineStatusBoard machineStatusBoard() {
        return new MachineStatusBoard(Clock.systemUTC());
    }

    @Bean
    MachineStatusService machineStatusService(MachineRegistry machines, MachineStatusBoard board, CamelContext camel) {
        return new MachineStatusService(machines, board, camel, Clock.systemUTC());
    }

    @Bean
    SerialCaptures serialCaptures(MachineRegistry machines) {
        return new SerialCaptures(machines, Clock.systemUTC());
    }

    @Bean
    SerialDiagnostics serialDiagnostics(MachineRegistry machines, MachineStatusService status, SerialCaptures captures) {
        return new SerialDiagnostics(machines, status, captures, Clock.systemUTC());
    }

    @Bean
    NcPrograms ncPrograms(MachineRegistry machines) {
        return new NcPrograms(machines, Clock.systemUTC());
    }

    @Bean
    NcProgramTransfers ncProgramTransfers(MachineRegistry machines, ProducerTemplate producer) {
        return new NcProgramTransfers(machines, producer, Clock.systemUTC());
    }

    @Bean
    MachineEvents machineEvents(MachineRegistry machines, MachineStatusBoard status) {
        return new MachineEvents(machines, status, Clock.systemUTC());
    }
}
