package io.werkbridge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.werkbridge.privacy.operator.Generalization;
import io.werkbridge.privacy.operator.IpTruncation;
import io.werkbridge.privacy.operator.KeyedHash;
import io.werkbridge.privacy.operator.Masking;
import io.werkbridge.privacy.text.PiiTextScanner;
import java.util.Collection;
import java.util.regex.Pattern;

/** The value-changing actions of the gate, applied to one JSON leaf (or a coordinate object). */
public final class ValueOperators {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");
    private final KeyedHash hash;
    private final PiiTextScanner scanner = new PiiTextScanner();

    public ValueOperators(byte[] hashKey) {
        this.hash = new KeyedHash(hashKey);
    }

    /** Replaces all but the last {@code keep} code points with '*'; a value no longer than keep is masked whole. */
    public static String mask(String value, int keep) {
        return Masking.keepLast(value, keep);
    }

    /** Stable, keyed, not reversible: the same value always gives the same lowercase hex digest. */
    public String hash(String value) {
        return hash.hash(value);
    }

    JsonNode apply(Action action, JsonNode value, Collection<String> namesInRecord) {
        return switch (action.type()) {
            case MASK -> TextNode.valueOf(mask(value.asText(), action.keep()));
            case HASH -> TextNode.valueOf(hash(value.asText()));
            case TRUNCATE_IP -> TextNode.valueOf(IpTruncation.truncate(value.asText()));
            case SCRUB -> TextNode.valueOf(scanner.scrub(value.asText(), namesInRecord));
            case GENERALIZE -> generalize(value);
            case ALLOW, DROP -> throw new IllegalArgumentException(action.type().id() + " does not change values");
        };
    }

    /** Coordinates (object or number) to a ~10 km grid, ISO dates to their year, anything else as a postal code. */
    private static JsonNode generalize(JsonNode value) {
        if (value.isObject() || value.isNumber()) {
            return Generalization.coordinates(value);
        }
        String text = value.asText();
        return TextNode.valueOf(ISO_DATE.matcher(text).matches()
                ? Generalization.year(text) : Generalization.postalCodePrefix(text));
    }
}
