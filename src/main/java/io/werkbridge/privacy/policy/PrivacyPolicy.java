package io.werkbridge.privacy.policy;

import java.util.Map;
import java.util.Optional;

/** One loaded, validated policy; {@code version} is a hash over the files it came from. */
public record PrivacyPolicy(
        Taxonomy taxonomy,
        Map<String, TypeClassification> classification,
        Map<String, DataProcessor> processors,
        Map<String, DestinationPolicy> destinations,
        String version) {

    public PrivacyPolicy {
        classification = Map.copyOf(classification);
        processors = Map.copyOf(processors);
        destinations = Map.copyOf(destinations);
    }

    public Optional<DestinationPolicy> destination(String id) {
        return Optional.ofNullable(destinations.get(id));
    }

    public Optional<DataProcessor> processor(String id) {
        return Optional.ofNullable(processors.get(id));
    }
}
