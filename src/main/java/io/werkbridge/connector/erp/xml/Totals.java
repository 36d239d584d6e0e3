package io.werkbridge.connector.erp.xml;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.Invoice;
import java.math.BigDecimal;

/** Invoice totals where a document may leave out either net or tax: the other follows from the gross amount. */
public final class Totals {

    private Totals() {
    }

    /** @param missing how the error names what is missing when both net and tax are absent */
    public static Invoice.Totals complete(BigDecimal net, BigDecimal tax, BigDecimal gross, String missing) {
        if (net == null && tax == null) {
            throw new InvalidErpDocumentException("mandatory " + missing + " is missing");
        }
        return Invoice.Totals.ofNetTaxGross(net == null ? gross.subtract(tax) : net, tax == null ? gross.subtract(net) : tax,
                gross);
    }
}
