package io.werkbridge.operations;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operations model the connectors report to and the operations API shows. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    InitialLoads initialLoads() {
        return new InitialLoads(Clock.systemUTC());
    }
}
