package io.werkbridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
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
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft-07) of one kind of configuration file, from {@code config/schema/} on the class path: the
 * same files editors use through a {@code # yaml-language-server: $schema=...} line. It reads a YAML file, reports
 * each violation with its path and rule, fills in the schema's defaults and binds the tree to records.
 *
 * <p>A schema may give the text of a violation itself: {@code "message": "text"} for any failed keyword of that
 * (sub)schema, or {@code "message": {"<keyword>": "text"}}. {@code {value}} in such a text stands for the value at
 * fault; a schema uses it only where the value can never be personal (an action name). Otherwise no rule repeats a
 * value.
 */
public final class ConfigSchema {

    private static final String LOCATION = "config/schema/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new AnnotationKeyword("message")).build()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    /** Binds only trees the schema accepted: unknown keys are already refused, enums already spelled right. */
    private static final ObjectMapper MAPPER = YAMLMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private final JsonNode document;
    private final JsonSchema schema;

    private ConfigSchema(JsonNode document) {
        this.document = document;
        this.schema = FACTORY.getSchema(document, CONFIG);
    }

    /** @param name a file in {@code config/schema/}, e.g. {@code machine.schema.json} */
    public static ConfigSchema load(String name) {
        try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema missing from the classpath: " + LOCATION + name);
            }
            return new ConfigSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON Schema " + LOCATION + name, e);
        }
    }

    /** Parses {@code yaml} and checks it; the tree is a {@link NullNode} for an empty or unparsable file. */
    public Checked check(String yaml) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return new Checked(NullNode.getInstance(), List.of(new Violation(List.of(), "not valid YAML" + where)));
        }
        JsonNode root = tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree;
        return new Checked(root, schema.validate(root).stream().map(this::violation).toList());
    }

    /** Adds the schema's {@code default}s for absent keys, following properties, items, additionalProperties and $ref. */
    public void fillDefaults(JsonNode node) {
        fill(document, node);
    }

    /** As {@link #fillDefaults(JsonNode)} with the subschema at {@code pointer}, for a part an if/then decides. */
    public void fillDefaults(JsonNode node, String pointer) {
        fill(document.at(pointer), node);
    }

    /**
     * Binds an accepted tree (defaults filled) to a record.
     *
     * @throws IllegalArgumentException naming the path, should the record refuse what the schema let through
     */
    public <T> T bind(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            // not Jackson's message: it may quote the value
            List<Object> path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex()).toList() : List.of();
            throw new IllegalArgumentException(new Violation(path, "cannot be read (" + e.getClass().getSimpleName() + ")").toString());
        }
    }

    private void fill(JsonNode schemaNode, JsonNode node) {
        JsonNode subschema = resolve(schemaNode);
        if (node instanceof ObjectNode object) {
            JsonNode properties = subschema.path("properties");
            properties.fields().forEachRemaining(p -> {
                JsonNode property = resolve(p.getValue());
                if (object.has(p.getKey())) {
                    fill(property, object.get(p.getKey()));
                } else if (property.has("default")) {
                    object.set(p.getKey(), property.get("default").deepCopy());
                }
            });
            JsonNode others = subschema.path("additionalProperties");
            if (others.isObject()) {
                object.fields().forEachRemaining(e -> {
                    if (!properties.has(e.getKey())) {
                        fill(others, e.getValue());
                    }
                });
            }
        } else if (node instanceof ArrayNode array && subschema.path("items").isObject()) {
            array.forEach(item -> fill(subschema.get("items"), item));
        }
    }

    private JsonNode resolve(JsonNode subschema) {
        String ref = subschema.path("$ref").asText("");
        return ref.startsWith("#") ? resolve(document.at(ref.substring(1))) : subschema;
    }

    private Violation violation(ValidationMessage m) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < m.getInstanceLocation().getNameCount(); i++) {
            path.add(m.getInstanceLocation().getElement(i));
        }
        if (m.getProperty() != null) {
            path.add(m.getProperty());
        }
        JsonNode owner = document.at(m.getSchemaLocation().getFragment().getParent().toString());
        JsonNode message = owner.path("message");
        String custom = message.isTextual() ? message.textValue() : message.path(m.getType()).textValue();
        if (custom == null && m.getSchemaNode() != null && m.getSchemaNode().isObject()) {
            // a keyword that applies a subschema (propertyNames) reports that subschema's failure: its message
            custom = resolve(m.getSchemaNode()).path("message").textValue();
        }
        if (custom != null) {
            return new Violation(path, custom.replace("{value}", m.getInstanceNode().asText()));
        }
        return new Violation(path, switch (m.getType()) {
            case "required" -> "missing";
            case "additionalProperties" -> "unknown key; allowed are " + new TreeSet<>(names(owner.path("properties")));
            case "enum" -> "must be one of " + names(m.getSchemaNode());
            default -> withoutLocation(m);
        });
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static String withoutLocation(ValidationMessage m) {
        String prefix = m.getInstanceLocation() + ": ";
        return m.getMessage().startsWith(prefix) ? m.getMessage().substring(prefix.length()) : m.getMessage();
    }

    /** A parsed file and what is wrong with it. */
    public record Checked(JsonNode tree, List<Violation> violations) {
    }

    /**
     * One rule a file breaks.
     *
     * @param path the keys (String) and list indexes (Integer) down to the place at fault; empty for the whole file
     * @param rule what is wrong and what is allowed, without the value
     */
    public record Violation(List<Object> path, String rule) {

        public Violation {
            path = List.copyOf(path);
        }

        /** {@code mapping[0].kind}: keys joined by dots, indexes in brackets. */
        public String jsonPath() {
            return path.stream().map(p -> p instanceof Integer i ? "[" + i + "]" : "." + p)
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }

        @Override
        public String toString() {
            return path.isEmpty() ? rule : jsonPath() + ": " + rule;
        }
    }
}
