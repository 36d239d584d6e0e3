package io.werkbridge.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.messaging.DestinationWaiting;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.privacy.gate.PolicyStore;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's flow map, its time series and the series' sampler. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleSeries consoleSeries(MeterRegistry registry, ConsoleProperties properties) {
        return new ConsoleSeries(registry, Clock.systemUTC(), properties.sampleInterval(), properties.window());
    }

    @Bean
    FlowMap flowMap(FlowProperties flows, PolicyStore policies, CamelContext camel, ConnectionFactory connectionFactory,
                    ConsoleSeries series, ObjectProvider<CircuitBreaker> breakers, DestinationWaiting waiting) {
        return new FlowMap(flows, policies, camel, new QueueStates(connectionFactory), series, breakers.orderedStream().toList(),
                waiting);
    }

    @Bean
    ConsoleSampler consoleSampler(ConsoleSeries series, ConsoleProperties properties) {
        return new ConsoleSampler(series, properties.sampleInterval());
    }
}
