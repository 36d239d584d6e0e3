package io.werkbridge.model;

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
import java.util.List;
import java.util.Set;

/** One JSON Schema (2020-12) from the classpath; violations come as "path: rule", never with the offending value. */
public final class JsonSchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    public static JsonSchemaCheck fromClasspath(String path) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema missing from the classpath: " + path);
            }
            return new JsonSchemaCheck(FACTORY.getSchema(in, CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON Schema " + path, e);
        }
    }

    /** A schema given as a JSON tree (one derived from a classpath schema, e.g. for partial updates). */
    public static JsonSchemaCheck fromTree(JsonNode schema) {
        return new JsonSchemaCheck(FACTORY.getSchema(schema, CONFIG));
    }

    /** The JSON tree of a schema on the classpath. */
    public static JsonNode treeFromClasspath(String path) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema missing from the classpath: " + path);
            }
            return CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON Schema " + path, e);
        }
    }

    /** @param prefix a path prefix for nested documents, e.g. "body"; empty for the root */
    public List<String> violations(JsonNode document, String prefix) {
        return describe(schema.validate(document), prefix);
    }

    /** Throws {@link InvalidCanonicalMessageException} listing every violation. */
    public JsonNode requireValid(JsonNode document) {
        List<String> violations = violations(document, "");
        if (!violations.isEmpty()) {
            throw new InvalidCanonicalMessageException(violations);
        }
        return document;
    }

    private static List<String> describe(Set<ValidationMessage> messages, String prefix) {
        return messages.stream().map(m -> {
            String location = m.getInstanceLocation().toString();
            if (!prefix.isEmpty()) {
                location = "$." + prefix + location.substring(1);
            }
            String text = m.getMessage();
            int colon = text.indexOf(": ");
            return location + ": " + (colon >= 0 ? text.substring(colon + 2) : text);
        }).sorted().toList();
    }
}
