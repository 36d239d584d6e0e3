package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.werkbridge.privacy.operator.Generalization;
import io.werkbridge.privacy.operator.IpTruncation;
import io.werkbridge.privacy.operator.KeyedHash;
import io.werkbridge.privacy.operator.Masking;
import io.werkbridge.privacy.operator.TokenShapes;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.text.Checksums;
import io.werkbridge.privacy.text.PiiTextScanner;
import io.werkbridge.privacy.vault.Pseudonymizer;
import java.util.regex.Pattern;

/** The value-changing actions of the gate, applied to one JSON leaf (or a coordinate object). */
public final class ValueOperators {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()/\\-]{5,}$");
    private static final Pattern NUMBER = Pattern.compile("^[0-9][0-9 .\\-/]*$");
    private final KeyedHash hash;
    private final Pseudonymizer vault;
    private final PiiTextScanner scanner = new PiiTextScanner();
    private final TokenShapes previewTokens = new TokenShapes();

    public ValueOperators(byte[] hashKey, Pseudonymizer vault) {
        this.hash = new KeyedHash(hashKey);
        this.vault = vault;
    }

    /** Operators without a vault: {@code tokenize} then fails, so a policy using it cannot silently leak. */
    public ValueOperators(byte[] hashKey) {
        this(hashKey, null);
    }

    /** Replaces all but the last {@code keep} code points with '*'; a value no longer than keep is masked whole. */
    public static String mask(String value, int keep) {
        return Masking.keepLast(value, keep);
    }

    /** Stable, keyed, not reversible: the same value always gives the same lowercase hex digest. */
    public String hash(String value) {
        return hash.hash(value);
    }

    /** Whether the free-text finder flags anything in {@code text} (the record's names included). */
    boolean findsPersonalData(String text, RecordContext record) {
        return !scanner.find(text, record.names()).isEmpty();
    }

    JsonNode apply(Action action, JsonNode value, RecordContext record) {
        return apply(action, value, record, false);
    }

    /** @param preview for a preview: {@code tokenize} stores nothing in the vault (see {@link #tokenize}) */
    JsonNode apply(Action action, JsonNode value, RecordContext record, boolean preview) {
        return switch (action.type()) {
            case TOKENIZE -> TextNode.valueOf(tokenize(value.asText(), record, preview));
            case MASK -> TextNode.valueOf(mask(value.asText(), action.keep()));
            case HASH -> TextNode.valueOf(hash(value.asText()));
            case TRUNCATE_IP -> TextNode.valueOf(IpTruncation.truncate(value.asText()));
            case SCRUB -> TextNode.valueOf(scanner.scrub(value.asText(), record.names()));
            case GENERALIZE -> generalize(value);
            case ALLOW, DROP -> throw new IllegalArgumentException(action.type().id() + " does not change values");
        };
    }

    /**
     * A vault token in the shape the value has, so the target's validation still accepts it. A preview promises to
     * record nothing: it shows the token the value already has, or a fresh one of the same shape that is never
     * stored (a later delivery gets its own), so a preview never leaves a reversible entry in the vault.
     */
    private String tokenize(String value, RecordContext record, boolean preview) {
        if (vault == null) {
            throw new IllegalStateException("the tokenize action needs the pseudonym vault, which is not configured");
        }
        TokenShapes.Shape shape = shapeOf(value);
        if (preview) {
            return vault.existingToken(value, shape).orElseGet(() -> previewTokens.token(value, shape));
        }
        return vault.tokenize(value, shape, record.subjects());
    }

    static TokenShapes.Shape shapeOf(String value) {
        if (EMAIL.matcher(value).matches()) {
            return TokenShapes.Shape.EMAIL;
        }
        if (Checksums.ibanValid(value)) {
            return TokenShapes.Shape.IBAN;
        }
        if (value.startsWith("+") && PHONE.matcher(value).matches()) {
            return TokenShapes.Shape.PHONE;
        }
        if (NUMBER.matcher(value).matches()) {
            return TokenShapes.Shape.NUMBER;
        }
        return TokenShapes.Shape.TEXT;
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
