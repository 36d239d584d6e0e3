package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link IntakeLimitFilter} in front of everything else, Spring Security included, and the
 * {@link SoapMethodFilter} in front of it (a request that is no SOAP call never waits for a slot).
 */
@Configuration(proxyBeanMethods = false)
class IntakeLimitConfiguration {

    @Bean
    FilterRegistrationBean<IntakeLimitFilter> intakeLimit(IntakeLimitProperties properties, ObjectMapper json,
                                                          MeterRegistry meters) {
        Counter rejected = Counter.builder("werkbridge.intake.rejected")
                .description("partner requests answered 503 because the hub was busy for longer than max-wait")
                .register(meters);
        IntakeLimitFilter filter = new IntakeLimitFilter(properties.maxConcurrent(), properties.maxWait(), json, rejected);
        Gauge.builder("werkbridge.intake.in.flight", filter, IntakeLimitFilter::inFlight)
                .description("partner requests the hub works on now")
                .register(meters);
        FilterRegistrationBean<IntakeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("intakeLimit");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SoapMethodFilter> soapMethods(ObjectMapper json) {
        FilterRegistrationBean<SoapMethodFilter> registration = new FilterRegistrationBean<>(new SoapMethodFilter(json));
        registration.setName("soapMethods");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }
}
