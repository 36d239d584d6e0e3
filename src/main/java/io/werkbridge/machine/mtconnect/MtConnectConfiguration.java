package io.werkbridge.machine.mtconnect;

import io.werkbridge.connector.mtconnect.MtConnectAgent;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The MTConnect connector's beans for the machine routes (template machine-mtconnect). */
@Configuration(proxyBeanMethods = false)
public class MtConnectConfiguration {

    @Bean
    MtConnectPolling mtConnectPolling(MachineRegistry machines, MachineEvents events, MachineStatusBoard status,
                                      JdbcTemplate jdbc) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new MtConnectPolling(machines, events, status, new MtConnectAgent(http),
                new MtConnectStateStore(jdbc, Clock.systemUTC()));
    }
}
