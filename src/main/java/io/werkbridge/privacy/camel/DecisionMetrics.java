package io.werkbridge.privacy.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.privacy.policy.ActionType;
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

    void delivered(String destination, Map<String, ActionType> actions) {
        actions.forEach((category, action) -> counters.computeIfAbsent(destination + '|' + category + '|' + action.id(),
                key -> Counter.builder(NAME)
                        .description("delivered messages per destination, data category and the gate's action on it")
                        .tags("destination", destination, "category", category, "action", action.id())
                        .register(registry)).increment());
    }
}
