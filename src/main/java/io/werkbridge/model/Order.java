package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** Canonical spare-part order from the shop (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(
        String orderNumber,
        String customerNumber,
        @PersonalData ServiceReport.Person orderedBy,
        List<Line> lines,
        Address shippingAddress,
        Payment payment) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String partNumber, BigDecimal quantity, BigDecimal unitPrice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String method, String iban) {
    }
}
