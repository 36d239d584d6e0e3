package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** Canonical service ticket raised in the portal or app (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceTicket(
        String ticketId,
        String customerNumber,
        String machineNumber,
        ServiceReport.Person reportedBy,
        String description,
        String priority,
        LocalDate preferredDate) {
}
