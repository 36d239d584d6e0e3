package io.werkbridge.connector.s4;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.operations.InitialLoads;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The S/4HANA business partner connector's beans, only with {@code werkbridge.s4.enabled=true}: the client with
 * its own circuit breaker, the reader the route {@code s4-business-partners} polls, and the rights target.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S4Properties.class)
public class S4Configuration {

    @Bean
    @ConditionalOnProperty(name = "werkbridge.s4.enabled", havingValue = "true")
    S4Client s4Client(S4Properties properties) {
        S4Properties.Breaker b = properties.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of("s4", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindow())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRate())
                .waitDurationInOpenState(b.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .build());
        return new S4Client(properties, breaker, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "werkbridge.s4.enabled", havingValue = "true")
    S4BusinessPartners s4BusinessPartners(S4Client client, S4Properties properties, JdbcTemplate jdbc,
                                          InboundPublisher publisher, JdbcSubjectRestrictions restrictions,
                                          InitialLoads loads) {
        return new S4BusinessPartners(client, properties, new S4Watermarks(jdbc), publisher, restrictions, loads,
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "werkbridge.s4.enabled", havingValue = "true")
    S4RightsTarget s4RightsTarget(S4Client client) {
        return new S4RightsTarget(client);
    }
}
