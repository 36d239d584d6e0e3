package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Canonical invoice (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invoice(
        String invoiceNumber,
        String customerNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BillTo billTo,
        List<Line> lines,
        Totals totals,
        Payment payment) {

    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillTo(PartyKind kind, String company, String contactName, String email, Address address) {
        public BillTo {
            kind = PartyKind.orUnknown(kind);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int position, String partNumber, String description, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal net) {
    }

    public record Totals(BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String iban, String bic, String terms) {
    }
}
