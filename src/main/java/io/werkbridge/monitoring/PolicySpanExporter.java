package io.werkbridge.monitoring;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * The last step before spans leave for the monitoring destination: every span and event attribute passes the
 * {@link TelemetryPolicy}; an error's description (an exception text) is not sent, only that it failed. Whatever
 * instrumentation added an attribute, this is where the policy applies.
 */
final class PolicySpanExporter implements SpanExporter {

    private final SpanExporter delegate;
    private final TelemetryPolicy policy;

    PolicySpanExporter(SpanExporter delegate, TelemetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(this::filtered).toList());
    }

    private SpanData filtered(SpanData span) {
        Attributes attributes = filtered(span.getAttributes());
        List<EventData> events = span.getEvents().stream()
                .map(e -> EventData.create(e.getEpochNanos(), e.getName(), filtered(e.getAttributes()),
                        e.getTotalAttributeCount()))
                .toList();
        StatusData status = span.getStatus().getStatusCode() == StatusCode.ERROR ? StatusData.error() : span.getStatus();
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return attributes;
            }

            @Override
            public List<EventData> getEvents() {
                return events;
            }

            @Override
            public StatusData getStatus() {
                return status;
            }

            @Override
            public int getTotalAttributeCount() {
                return attributes.size();
            }
        };
    }

    private Attributes filtered(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> policy.disclose(key.getKey(), String.valueOf(value))
                .ifPresent(v -> kept.put(AttributeKey.stringKey(key.getKey()), v)));
        return kept.build();
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
