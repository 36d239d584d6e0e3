package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canonical machine event from a serial link, OPC UA or MTConnect (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineEvent(
        String machineNumber,
        String machineType,
        String customerNumber,
        Instant timestamp,
        Kind kind,
        Map<String, Object> values,
        Operator operator,
        Location location,
        Origin origin) {

    public MachineEvent {
        // insertion order kept, so the JSON lists values in the order the machine sent them
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public enum Kind {
        status, alarm, counter, program, commissioning
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operator(String id, String name) {
    }

    public record Location(double lat, double lon) {
    }

    public record Origin(String protocol, String endpoint) {
    }
}
