package io.werkbridge.messaging;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own database ({@code werkbridge.database.*}).
 *
 * @param h2SyncInterval on an H2 file only: how often the file is forced to disk ({@link H2FileSync}); 0 turns it off
 */
@Validated
@ConfigurationProperties(DatabaseProperties.PREFIX)
public record DatabaseProperties(@DurationMin(nanos = 0) Duration h2SyncInterval) {

    static final String PREFIX = "werkbridge.database";

    public DatabaseProperties {
        h2SyncInterval = h2SyncInterval == null ? Duration.ofSeconds(1) : h2SyncInterval;
    }
}
