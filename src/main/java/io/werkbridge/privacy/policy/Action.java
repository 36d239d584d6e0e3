package io.werkbridge.privacy.policy;

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
}
