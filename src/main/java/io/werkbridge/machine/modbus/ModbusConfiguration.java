package io.werkbridge.machine.modbus;

import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.io.IOException;
import java.time.Clock;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Modbus master's bean for the machine routes (templates machine-modbus and machine-modbus-rtu-line). */
@Configuration(proxyBeanMethods = false)
public class ModbusConfiguration {

    @Bean
    ModbusPolling modbusPolling(MachineRegistry machines, MachineEvents events, MachineStatusBoard status,
                                ProducerTemplate producer) {
        // an RTU request goes out on the same serial: URI the line route reads, so both share the one open port
        ModbusPolling.RtuLine line = (uri, payload) -> {
            try {
                producer.sendBody(uri, payload);
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IOException(cause.getMessage(), cause);
            }
        };
        return new ModbusPolling(machines, events, status, line, Clock.systemUTC());
    }
}
