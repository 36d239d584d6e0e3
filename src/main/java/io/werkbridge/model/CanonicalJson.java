package io.werkbridge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;

/**
 * The one Jackson configuration for canonical JSON: ISO dates, bounded input, duplicate keys refused, no surprises.
 * JSON from outside the hub is read with {@link #readExternal(byte[])}: strict UTF-8 and no control characters.
 */
public final class CanonicalJson {

    /** Largest canonical message the hub accepts, in characters. */
    public static final int MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // amounts keep their scale and are written plainly (241.00, 100, never 2.41E+2 or 1E+2)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StrictJson.constraints(MAX_DOCUMENT_LENGTH));
    }

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON text; malformed input becomes an {@link InvalidCanonicalMessageException} without echoing content. */
    public static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidCanonicalMessageException(List.of("$: empty message, a JSON object is expected"));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCanonicalMessageException(List.of(StrictJson.describe(e)));
        }
    }

    /**
     * Parses JSON received from outside as bytes, so that invalid UTF-8 is refused rather than silently replaced, and
     * refuses NUL and control characters other than tab, CR and LF in any key or string, naming the path.
     */
    public static JsonNode readExternal(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidCanonicalMessageException(List.of("$: empty message, a JSON object is expected"));
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCanonicalMessageException(List.of(StrictJson.describe(e)));
        } catch (IOException e) {
            // from a byte array: an I/O error is the content's (an encoding Jackson could not read)
            throw new InvalidCanonicalMessageException(List.of("$: the JSON is not valid UTF-8"));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidCanonicalMessageException(List.of("$: empty message, a JSON object is expected"));
        }
        String control = StrictJson.controlCharacter(tree);
        if (control != null) {
            throw new InvalidCanonicalMessageException(List.of(control));
        }
        return tree;
    }
}
