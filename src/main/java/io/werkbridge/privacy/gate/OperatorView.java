package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.InvalidCanonicalMessageException;
import java.util.Set;

/**
 * A parked message's body as an operator may see it (dead letters, held messages): a canonical message of a
 * classified type goes through {@link PrivacyGate#operatorView}; any other JSON has every value masked whole;
 * text that is not JSON is not shown at all. Field names, structure and value lengths stay visible.
 */
public final class OperatorView {

    /**
     * @param message      the masked message, or null when the body is not JSON
     * @param unclassified body paths no classification covers (left out)
     * @param note         how the body was treated
     */
    public record View(JsonNode message, Set<String> unclassified, String note) {
    }

    private OperatorView() {
    }

    public static View of(PrivacyGate gate, String body) {
        JsonNode json;
        try {
            json = CanonicalJson.read(body);
        } catch (InvalidCanonicalMessageException notJson) {
            int length = body == null ? 0 : body.length();
            return new View(null, Set.of(), "the body is not JSON (" + length + " characters) and is not shown");
        }
        String type = json.path("type").asText();
        if (json.isObject() && json.path("body").isObject() && gate.policy().classification().containsKey(type)) {
            GateResult result = gate.operatorView((ObjectNode) json);
            return new View(result.filtered(), result.unclassified(),
                    "personal values masked by the classification of type '" + type + "'; unclassified fields left out");
        }
        return new View(maskAll(json), Set.of(), "not a canonical message of a classified type: every value masked");
    }

    private static JsonNode maskAll(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), maskAll(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(maskAll(element)));
            return out;
        }
        return node.isNull() ? node : TextNode.valueOf(ValueOperators.mask(node.asText(), 0));
    }
}
