package io.werkbridge.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the gate's decisions per destination, category and action ({@code werkbridge.privacy.decisions}): one count
 * per delivered message for each category/action pair it carried. Labels are policy ids, never values.
 */
public final class DecisionMetrics {

    static final String NAME = "werkbridge.privacy.decisions";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String destination, Collection<FieldDecision> decisions) {
        decisions.stream()
                .map(d -> d.category() + '|' + d.action().id())
                .distinct()
                .forEach(categoryAndAction -> counters.computeIfAbsent(destination + '|' + categoryAndAction, key -> {
                    int bar = categoryAndAction.indexOf('|');
                    return Counter.builder(NAME)
                            .description("delivered messages per destination, data category and the gate's action on it")
                            .tags("destination", destination, "category", categoryAndAction.substring(0, bar),
                                    "action", categoryAndAction.substring(bar + 1))
                            .register(registry);
                }).increment());
    }
}
