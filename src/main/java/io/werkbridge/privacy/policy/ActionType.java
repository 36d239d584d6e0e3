package io.werkbridge.privacy.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the gate does with the values of one category for one destination. */
public enum ActionType {
    ALLOW, DROP, MASK, HASH, TOKENIZE, TRUNCATE_IP, GENERALIZE, SCRUB;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether values of a category with this action still leave the hub in some form. */
    public boolean discloses() {
        return this != DROP;
    }

    public static ActionType parse(String text) {
        for (ActionType type : values()) {
            if (type.id().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown action '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ActionType::id).collect(Collectors.joining(", ")));
    }
}
