package io.werkbridge.privacy.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An action with its parameters; {@code keep} is the number of trailing characters {@code mask} leaves visible. */
public record Action(ActionType type, int keep) {

    public static final Action ALLOW = new Action(ActionType.ALLOW, 0);
    public static final Action DROP = new Action(ActionType.DROP, 0);

    public Action {
        Objects.requireNonNull(type, "type");
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative");
        }
    }

    /** As destinations.yml writes it: {@code allow}, or {@code {action: mask, keep: 4}} where mask keeps 4 unless told. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Action of(JsonNode node) {
        if (node.isTextual()) {
            return new Action(ActionType.parse(node.asText()), 0);
        }
        ActionType type = ActionType.parse(node.path("action").asText(""));
        return new Action(type, node.path("keep").asInt(type == ActionType.MASK ? 4 : 0));
    }
}
