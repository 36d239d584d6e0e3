package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.ActionType;

/** What the gate did with one field path: its category and the action taken. Never the value. */
public record FieldDecision(String path, String category, ActionType action) {

    /** Category recorded for a field no classification covers. */
    public static final String UNCLASSIFIED = "unclassified";
}
