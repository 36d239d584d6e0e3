package io.werkbridge.credentials;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub authenticates to each destination ({@code werkbridge.destinations.<name>.auth}). Only the {@code auth}
 * block of a destination is read here; its URLs and connector settings belong to the flows and the connectors.
 */
@Validated
@ConfigurationProperties("werkbridge")
public record DestinationAuthProperties(Map<String, @Valid Destination> destinations) {

    public DestinationAuthProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    /** @param auth how the hub proves itself to the destination; none when absent */
    public record Destination(@Valid DestinationAuth auth) {
    }

    /** The destination's authentication, {@link DestinationAuth#NONE} when it has none. */
    public DestinationAuth authOf(String destination) {
        Destination settings = destinations.get(destination);
        return settings == null || settings.auth() == null ? DestinationAuth.NONE : settings.auth();
    }
}
