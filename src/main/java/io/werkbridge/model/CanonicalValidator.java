package io.werkbridge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates canonical messages against the JSON Schemas in {@code classpath:schema/}: the envelope first, then the
 * body against the schema of its type, then that the envelope key names the entity the body describes. A patch
 * (a partial update) is checked against the same schema without its mandatory fields but the key: it carries only what
 * a change delivered, and each field it carries must still be valid; an array element keeps its mandatory id.
 */
public final class CanonicalValidator {

    private static final Map<EntityType, String> KEY_FIELDS = Map.of(
            EntityType.CUSTOMER, "customerNumber",
            EntityType.INVOICE, "invoiceNumber",
            EntityType.SERVICE_REPORT, "reportNumber",
            EntityType.SERVICE_TICKET, "ticketId",
            EntityType.ORDER, "orderNumber",
            EntityType.MACHINE_EVENT, "machineNumber",
            EntityType.LINK_DIAGNOSTICS, "machineNumber",
            EntityType.NC_PROGRAM, "machineNumber");

    private final JsonSchemaCheck envelopeSchema;
    private final Map<EntityType, JsonSchemaCheck> bodySchemas = new EnumMap<>(EntityType.class);
    private final Map<EntityType, JsonSchemaCheck> patchSchemas = new EnumMap<>(EntityType.class);

    public CanonicalValidator() {
        envelopeSchema = JsonSchemaCheck.fromClasspath("schema/envelope.schema.json");
        for (EntityType type : EntityType.values()) {
            String path = "schema/" + type.id() + ".schema.json";
            bodySchemas.put(type, JsonSchemaCheck.fromClasspath(path));
            patchSchemas.put(type, JsonSchemaCheck.fromTree(patchSchema(JsonSchemaCheck.treeFromClasspath(path), type)));
        }
    }

    /** The schema of a patch: only the key is required at the top; objects below require nothing; array items keep theirs. */
    static JsonNode patchSchema(JsonNode schema, EntityType type) {
        ObjectNode patch = schema.deepCopy();
        patch.put("$id", schema.path("$id").asText() + ":patch");
        patch.putArray("required").add(KEY_FIELDS.get(type));
        patch.path("properties").forEach(CanonicalValidator::optionalBelow);
        patch.path("$defs").forEach(CanonicalValidator::optionalBelow);
        return patch;
    }

    private static void optionalBelow(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        object.remove("required");
        object.path("properties").forEach(CanonicalValidator::optionalBelow);
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
        List<String> violations = new ArrayList<>(envelopeSchema.violations(envelope, ""));
        EntityType type = knownType(envelope.path("type").asText());
        JsonNode body = envelope.path("body");
        if (type != null && body.isObject()) {
            boolean patch = Operation.PATCH.id().equals(envelope.path("operation").asText());
            violations.addAll((patch ? patchSchemas : bodySchemas).get(type).violations(body, "body"));
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
