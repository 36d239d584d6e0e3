package io.werkbridge.monitoring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.werkbridge.privacy.gate.GatedChannel;
import io.werkbridge.privacy.gate.PolicyStore;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monitoring destination's policy on the way out: on the OTLP meter registry (only there: the operators' own
 * Prometheus scrape is not a disclosure) every tag passes {@link TelemetryPolicy}, and every span exporter is wrapped
 * in {@link PolicySpanExporter}. Nothing is exported unless an OTLP endpoint is configured ({@link MonitoringEnvironment}).
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    TelemetryPolicy telemetryPolicy(PolicyStore policies) {
        return new TelemetryPolicy(policies);
    }

    /** The register lists the export as the monitoring destination's channel, only when it is on. */
    @Bean
    @ConditionalOnProperty(MonitoringEnvironment.ENDPOINT)
    GatedChannel telemetryChannel() {
        return new GatedChannel("monitoring", "telemetry", "otlp-export");
    }

    @Bean
    MeterRegistryCustomizer<OtlpMeterRegistry> otlpTagPolicy(TelemetryPolicy policy) {
        return registry -> registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> kept = id.getTags().stream()
                        .flatMap(t -> policy.disclose(t.getKey(), t.getValue()).map(v -> Tag.of(t.getKey(), v)).stream())
                        .toList();
                return id.replaceTags(kept);
            }
        });
    }

    /** Static: a post-processor is created before the other beans; the policy is looked up when an exporter appears. */
    @Bean
    static BeanPostProcessor spanExporterPolicy(ObjectProvider<TelemetryPolicy> policy) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SpanExporter exporter && !(bean instanceof PolicySpanExporter)
                        ? new PolicySpanExporter(exporter, policy.getObject()) : bean;
            }
        };
    }
}
