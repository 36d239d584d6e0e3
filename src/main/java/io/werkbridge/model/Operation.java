package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the receiver should do with the entity, by its id in the envelope ({@code upsert}). An upsert carries the whole
 * entity (a field it lacks is empty); a patch carries only the fields a change delivered (a field it lacks is
 * unchanged, nothing is cleared), so mandatory fields apply to an upsert only; a delete carries the key.
 */
public enum Operation {
    UPSERT, PATCH, DELETE;

    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Operation fromId(String id) {
        for (Operation op : values()) {
            if (op.id.equals(id)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation; expected upsert, patch or delete");
    }
}
