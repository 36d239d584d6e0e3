package io.werkbridge.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The canonical message: a small envelope around one entity body (DESIGN §4).
 * The body stays a JSON tree so that a connector may add fields that are classified in config, not code.
 */
public record Envelope(
        String messageId,
        EntityType type,
        String key,
        Operation operation,
        Instant occurredAt,
        String source,
        JsonNode body) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
    }

    public static Envelope create(EntityType type, String key, Operation operation, Instant occurredAt,
                                  String source, JsonNode body) {
        return new Envelope(MessageIds.next(), type, key, operation, occurredAt, source, body);
    }
}
