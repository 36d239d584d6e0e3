package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a party (a customer, a bill-to party) is a legal person or a natural one. A natural person's name and
 * address are personal data; a connector sets what its source says and {@link #UNKNOWN} when the source says
 * nothing, which the privacy gate treats as a person unless a destination's policy says otherwise.
 */
public enum PartyKind {
    ORGANIZATION, PERSON, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PartyKind orUnknown(PartyKind kind) {
        return kind == null ? UNKNOWN : kind;
    }
}
