package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the receiver should do with the entity, by its id in the envelope ({@code upsert}). */
public enum Operation {
    UPSERT, DELETE;

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
        throw new IllegalArgumentException("unknown operation; expected upsert or delete");
    }
}
