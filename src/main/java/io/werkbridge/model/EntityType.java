package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The canonical entity types a message body can carry. */
public enum EntityType {
    CUSTOMER("customer"),
    INVOICE("invoice"),
    SERVICE_REPORT("service-report"),
    SERVICE_TICKET("service-ticket"),
    ORDER("order"),
    MACHINE_EVENT("machine-event");

    private final String id;

    EntityType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static EntityType fromId(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown entity type; expected one of " + Arrays.toString(Arrays.stream(values()).map(EntityType::id).toArray())));
    }
}
