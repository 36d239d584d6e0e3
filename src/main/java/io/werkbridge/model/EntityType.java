package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The canonical entity types a message body can carry, by their id in the envelope ({@code service-report}). */
public enum EntityType {
    CUSTOMER, INVOICE, SERVICE_REPORT, SERVICE_TICKET, ORDER, MACHINE_EVENT, LINK_DIAGNOSTICS, NC_PROGRAM;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

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
