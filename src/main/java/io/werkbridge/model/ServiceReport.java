package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Canonical service report written by field service (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceReport(
        String reportNumber,
        String customerNumber,
        Machine machine,
        @PersonalData Technician technician,
        Visit visit,
        String work,
        List<Part> parts,
        @PersonalData Person customerContact,
        @PersonalData Signature signature) {

    public ServiceReport {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public record Machine(String serialNumber, String type) {
    }

    public record Technician(String id, String firstName, String lastName) {
    }

    public record Visit(Instant start, Instant end) {
    }

    public record Part(String partNumber, String description, java.math.BigDecimal quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String email, String phone) {
    }

    public record Signature(String name, Instant signedAt) {
    }
}
