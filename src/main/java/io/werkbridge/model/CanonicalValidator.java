package io.werkbridge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates canonical messages against the JSON Schemas in {@code classpath:schema/}: the envelope first, then the
 * body against the schema of its type, then that the envelope key names the entity the body describes.
 */
public final class CanonicalValidator {

    private static final Map<EntityType, String> KEY_FIELDS = Map.of(
            EntityType.CUSTOMER, "customerNumber",
            EntityType.INVOICE, "invoiceNumber",
            EntityType.SERVICE_REPORT, "reportNumber",
            EntityType.SERVICE_TICKET, "ticketId",
            EntityType.ORDER, "orderNumber",
            EntityType.MACHINE_EVENT, "machineNumber");

    private final JsonSchema envelopeSchema;
    private final Map<EntityType, JsonSchema> bodySchemas = new EnumMap<>(EntityType.class);

    public CanonicalValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        envelopeSchema = load(factory, config, "envelope");
        for (EntityType type : EntityType.values()) {
            bodySchemas.put(type, load(factory, config, type.id()));
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String name) {
        String path = "schema/" + name + ".schema.json";
        try (InputStream in = CanonicalValidator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema missing from the classpath: " + path);
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON Schema " + path, e);
        }
    }

    /** Parses and validates JSON text into an envelope, or throws with every violation found. */
    public Envelope parse(String json) {
        return toEnvelope(requireValid(CanonicalJson.read(json)));
    }

    /** Validates an envelope already built by a connector; returns its JSON text. */
    public String toValidJson(Envelope envelope) {
        JsonNode tree = CanonicalJson.tree(envelope);
        requireValid(tree);
        return CanonicalJson.write(tree);
    }

    public JsonNode requireValid(JsonNode envelope) {
        List<String> violations = new ArrayList<>();
        collect(envelopeSchema.validate(envelope), "", violations);
        EntityType type = knownType(envelope.path("type").asText());
        JsonNode body = envelope.path("body");
        if (type != null && body.isObject()) {
            collect(bodySchemas.get(type).validate(body), "body", violations);
            JsonNode keyField = body.get(KEY_FIELDS.get(type));
            if (keyField != null && !keyField.asText().equals(envelope.path("key").asText())) {
                violations.add("$.key: does not match $.body." + KEY_FIELDS.get(type));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCanonicalMessageException(violations);
        }
        return envelope;
    }

    private static EntityType knownType(String id) {
        for (EntityType type : EntityType.values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        return null;
    }

    private static void collect(Set<ValidationMessage> messages, String prefix, List<String> out) {
        messages.stream()
                .map(m -> describe(m, prefix))
                .sorted()
                .forEach(out::add);
    }

    /** Path and rule only: the schema library's messages name the rule, not the instance value. */
    private static String describe(ValidationMessage message, String prefix) {
        String location = message.getInstanceLocation().toString();
        if (!prefix.isEmpty()) {
            location = "$." + prefix + location.substring(1);
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        String rule = colon >= 0 ? text.substring(colon + 2) : text;
        return location + ": " + rule;
    }

    private static Envelope toEnvelope(JsonNode tree) {
        try {
            return CanonicalJson.mapper().treeToValue(tree, Envelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidCanonicalMessageException(List.of("$: envelope cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    public static String keyField(EntityType type) {
        return KEY_FIELDS.get(type);
    }
}
