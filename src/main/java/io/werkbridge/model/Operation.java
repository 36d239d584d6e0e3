package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the receiver should do with the entity. */
public enum Operation {
    UPSERT("upsert"),
    DELETE("delete");

    private final String id;

    Operation(String id) {
        this.id = id;
    }

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
