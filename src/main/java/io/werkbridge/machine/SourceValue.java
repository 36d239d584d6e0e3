package io.werkbridge.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * One value as a machine protocol delivered it, before mapping.
 *
 * @param source    its protocol name: telegram key, node id, data item id or name
 * @param value     the value (text, number, boolean, or a map for structured values such as MTConnect conditions)
 * @param timestamp when the machine observed it
 * @param position  where it stands in the source's own order, e.g. an MTConnect instance and sequence; events built
 *                  from a value with a position get a message id derived from it, so that a value read twice
 *                  yields the same message id (the destinations' idempotency key). Null: a random id.
 */
public record SourceValue(String source, Object value, Instant timestamp, String position) {

    public SourceValue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public SourceValue(String source, Object value, Instant timestamp) {
        this(source, value, timestamp, null);
    }
}
