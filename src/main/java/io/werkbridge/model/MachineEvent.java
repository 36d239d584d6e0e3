package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
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
        @PersonalData Operator operator,
        Location location,
        Origin origin,
        Commissioning commissioning) {

    public MachineEvent {
        // insertion order kept, so the JSON lists values in the order the machine sent them
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An event without commissioning data (every kind but {@code commissioning}). */
    public MachineEvent(String machineNumber, String machineType, String customerNumber, Instant timestamp, Kind kind,
                        Map<String, Object> values, Operator operator, Location location, Origin origin) {
        this(machineNumber, machineType, customerNumber, timestamp, kind, values, operator, location, origin, null);
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

    /**
     * Commissioning (IBN) data, split by whom it is about: the technical part (when, which software) is machine data;
     * the technician who commissioned the machine and the customer's person who signed the acceptance are people.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commissioning(LocalDate date, String software, @PersonalData Technician technician,
                                @PersonalData Signatory acceptedBy) {
    }

    /** The commissioning technician: the maker's personnel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Technician(String id, String name) {
    }

    /** The customer's person who accepted the commissioned machine. */
    public record Signatory(String name) {
    }
}
