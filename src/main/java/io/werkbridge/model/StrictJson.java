package io.werkbridge.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The rules for JSON from outside, shared by the canonical reader and the HTTP API's mapper: duplicate keys refused
 * (with the last one winning, {"type":"access","type":"erasure"} was an erasure request), nesting and sizes bounded,
 * bytes read as strict UTF-8, and no control characters in strings other than tab, CR and LF. Every refusal names the
 * JSON path and the rule, never the value.
 */
public final class StrictJson {

    /** Deepest nesting of objects and arrays. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;

    private StrictJson() {
    }

    /** The read limits for a JSON factory whose documents may be at most {@code maxDocumentLength} long. */
    public static StreamReadConstraints constraints(long maxDocumentLength) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentLength)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build();
    }

    /** For a mapper that binds to classes: strings with a forbidden control character are refused with their path. */
    public static SimpleModule controlCharacterModule() {
        return new SimpleModule("werkbridge-strict-strings").addDeserializer(String.class, new CheckedStrings())
                .addDeserializer(JsonNode.class, new CheckedTrees());
    }

    /** @return the path and rule of the first forbidden control character in the tree's keys or strings, or null */
    public static String controlCharacter(JsonNode node) {
        return controlCharacter(node, "$");
    }

    private static String controlCharacter(JsonNode node, String path) {
        if (node.isTextual()) {
            return forbidden(node.textValue()) ? path + ": " + CONTROL_RULE : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = controlCharacter(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (forbidden(field.getKey())) {
                return path + ": a key holds " + CONTROL_RULE.substring("the value holds ".length());
            }
            String found = controlCharacter(field.getValue(), path + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static final String CONTROL_RULE = "the value holds a NUL or control character (only tab, CR and LF are"
            + " allowed in text)";

    /** NUL and C0/C1 control characters other than tab, CR and LF; DEL is a C0 relic and refused too. */
    static boolean forbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * What is wrong with unreadable JSON, as "path: rule": a duplicate key, invalid UTF-8, a control character, a
     * limit broken, or not well-formed at a line and column. Jackson's own messages are not passed on: some quote input.
     */
    public static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? path(mapping) : e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "$";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return path + ": JSON nested deeper than " + MAX_NESTING_DEPTH + " levels (JSON nesting depth)";
            }
            return path + ": the JSON breaks a size limit (JSON string length " + MAX_STRING_LENGTH
                    + " characters, or document length)";
        }
        if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
            return path + ": a key appears twice in one object (duplicate keys are refused)";
        }
        if (message.contains("Invalid UTF-8")) {
            return path + ": the JSON is not valid UTF-8";
        }
        if (message.contains("CTRL-CHAR") || message.contains(CONTROL_RULE)) {
            return path + ": " + CONTROL_RULE;
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return path + ": not well-formed JSON" + where;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.append(reference.getFieldName() != null ? "." + LogSafe.text(reference.getFieldName())
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    /** The parser's position as $.a.b[2]; the innermost name is the key being read when the error struck. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + LogSafe.text(c.getCurrentName()));
            }
        }
        return "$" + path;
    }

    /** Free JSON inside a bound body (rights corrections): Jackson's own tree reading, then the same rule. */
    private static final class CheckedTrees extends StdDeserializer<JsonNode> {

        CheckedTrees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            String found = tree == null ? null : controlCharacter(tree);
            if (found != null) {
                throw JsonMappingException.from(parser, found);
            }
            return tree;
        }

        /** As Jackson's own: JSON null is a NullNode, an absent property null. */
        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    /** Jackson's own string reading, then the control-character rule; the path comes from the exception's chain. */
    private static final class CheckedStrings extends StdScalarDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && forbidden(value)) {
                throw JsonMappingException.from(parser, CONTROL_RULE);
            }
            return value;
        }
    }
}
