package io.werkbridge.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.privacy.gate.PolicyStore;
import jakarta.jms.ConnectionFactory;
import io.werkbridge.rights.RightsConfiguration.RightsTargets;
import io.werkbridge.rights.api.RightsController;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The console's flow map, its time series and the series' sampler. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleSeries consoleSeries(MeterRegistry registry, ConsoleProperties properties) {
        return new ConsoleSeries(registry, Clock.systemUTC(), properties.sampleInterval(), properties.window());
    }

    @Bean
    FlowMap flowMap(FlowProperties flows, PolicyStore policies, CamelContext camel, ConnectionFactory connectionFactory,
                    ConsoleSeries series, ObjectProvider<CircuitBreaker> breakers,
                    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping http, RightsTargets rights) {
        FlowSources sources = new FlowSources(camel, http);
        Supplier<FlowMap.Rights> lane = () -> new FlowMap.Rights(sources.endpoints(RightsController.class, RequestMethod.POST),
                List.copyOf(rights.all().keySet()));
        return new FlowMap(flows, policies, sources, lane, new QueueStates(connectionFactory), series,
                breakers.orderedStream().toList());
    }

    @Bean
    ConsoleSampler consoleSampler(ConsoleSeries series, ConsoleProperties properties) {
        return new ConsoleSampler(series, properties.sampleInterval());
    }
}
