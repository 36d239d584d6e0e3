package io.werkbridge.monitoring;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The hub's telemetry goes to the monitoring destination only when {@code werkbridge.monitoring.otlp-endpoint} is set
 * (an OTLP/HTTP base URL): then Micrometer's OTLP registry exports metrics to {@code <endpoint>/v1/metrics} and the
 * OpenTelemetry tracer spans to {@code <endpoint>/v1/traces}; without it both are off (Spring Boot would otherwise
 * push metrics to localhost:4318). Added as the last property source, so a setting of Spring's own keys wins.
 */
public final class MonitoringEnvironment implements EnvironmentPostProcessor {

    static final String ENDPOINT = "werkbridge.monitoring.otlp-endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT, "").strip();
        Map<String, Object> settings = new HashMap<>();
        boolean on = !endpoint.isEmpty();
        settings.put("management.otlp.metrics.export.enabled", on);
        settings.put("management.tracing.enabled", on);
        if (on) {
            String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            settings.put("management.otlp.metrics.export.url", base + "/v1/metrics");
            settings.put("management.otlp.tracing.endpoint", base + "/v1/traces");
        }
        environment.getPropertySources().addLast(new MapPropertySource("werkbridge-monitoring", settings));
    }
}
