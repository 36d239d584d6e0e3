package io.werkbridge.connector.erp.invoice;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * EN 16931's calculation rules, checked on every invoice a reader makes before anything is queued: a document whose
 * amounts do not add up is refused naming the rule and the two amounts (amounts are not personal data; no name,
 * number or reference is quoted). As in the CEN validation artefacts, a computed sum is rounded to two decimals before
 * it is compared, and a VAT category's tax may differ from taxable amount × rate by less than one currency unit (line
 * by line rounding). A rule whose operands the document does not give (an ERP interface without allowances) is not
 * applied; an absent allowance, charge, prepaid or rounding amount counts as zero where another rule needs it.
 */
public final class InvoiceReconciliation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceReconciliation() {
    }

    /** @throws InvalidErpDocumentException naming the first rule the invoice breaks */
    public static void check(Invoice invoice) {
        Invoice.Totals t = invoice.totals();
        if (t == null) {
            return;
        }
        List<Invoice.AllowanceCharge> allowances = orEmpty(invoice.allowances());
        List<Invoice.AllowanceCharge> charges = orEmpty(invoice.charges());
        BigDecimal lines = sum(invoice.lines(), Invoice.Line::net);
        if (!invoice.lines().isEmpty()) {
            equal("BR-CO-10", "BT-106 sum of line net amounts", t.lineTotal(), "the sum of the lines (BT-131)", lines);
        }
        equal("BR-CO-11", "BT-107 sum of allowances", t.allowanceTotal(), "the sum of the document allowances (BT-92)",
                sum(allowances, Invoice.AllowanceCharge::amount));
        equal("BR-CO-12", "BT-108 sum of charges", t.chargeTotal(), "the sum of the document charges (BT-99)",
                sum(charges, Invoice.AllowanceCharge::amount));
        if (t.lineTotal() != null) {
            equal("BR-CO-13", "BT-109 total without VAT", t.taxExclusive(), "BT-106 - BT-107 + BT-108",
                    t.lineTotal().subtract(zero(t.allowanceTotal())).add(zero(t.chargeTotal())));
        }
        if (invoice.vatBreakdown() != null) {
            equal("BR-CO-14", "BT-110 total VAT", t.tax(), "the sum of the VAT breakdown (BT-117)",
                    sum(invoice.vatBreakdown(), Invoice.VatBreakdown::taxAmount));
            vatBreakdown(invoice, allowances, charges);
        }
        if (t.taxExclusive() != null && t.tax() != null) {
            equal("BR-CO-15", "BT-112 total with VAT", t.taxInclusive(), "BT-109 + BT-110", t.taxExclusive().add(t.tax()));
        }
        if (t.taxInclusive() != null) {
            equal("BR-CO-16", "BT-115 amount due", t.amountDue(), "BT-112 - BT-113 + BT-114",
                    t.taxInclusive().subtract(zero(t.prepaid())).add(zero(t.rounding())));
        }
    }

    /**
     * Per VAT category and rate (BR-S-08, BR-Z-08, BR-E-08, BR-AE-08, BR-K-08, BR-G-08, BR-O-08 and their kin): the
     * taxable amount is the lines' net plus the charges minus the allowances of that category and rate; BR-CO-17:
     * its tax is the taxable amount × rate.
     */
    private static void vatBreakdown(Invoice invoice, List<Invoice.AllowanceCharge> allowances,
                                     List<Invoice.AllowanceCharge> charges) {
        Map<String, BigDecimal> basis = new LinkedHashMap<>();
        for (Invoice.Line line : invoice.lines()) {
            basis.merge(key(line.vatCategory(), line.vatRate()), zero(line.net()), BigDecimal::add);
        }
        for (Invoice.AllowanceCharge charge : charges) {
            basis.merge(key(charge.vatCategory(), charge.vatRate()), zero(charge.amount()), BigDecimal::add);
        }
        for (Invoice.AllowanceCharge allowance : allowances) {
            basis.merge(key(allowance.vatCategory(), allowance.vatRate()), zero(allowance.amount()).negate(), BigDecimal::add);
        }
        boolean linesCategorised = invoice.lines().stream().allMatch(l -> l.vatCategory() != null);
        for (Invoice.VatBreakdown vat : invoice.vatBreakdown()) {
            String rule = "BR-" + (vat.category() == null ? "?" : vat.category()) + "-08";
            if (linesCategorised && vat.taxableAmount() != null) {
                equal(rule, "BT-116 taxable amount of VAT category " + vat.category() + " at " + rate(vat.rate()) + " %",
                        vat.taxableAmount(), "the lines, allowances and charges of that category and rate",
                        basis.getOrDefault(key(vat.category(), vat.rate()), BigDecimal.ZERO));
            }
            if (vat.taxableAmount() != null && vat.taxAmount() != null) {
                BigDecimal expected = vat.taxableAmount().multiply(zero(vat.rate())).divide(HUNDRED)
                        .setScale(2, RoundingMode.HALF_UP);
                if (vat.taxAmount().subtract(expected).abs().compareTo(BigDecimal.ONE) >= 0) {
                    throw broken("BR-CO-17", "BT-117 VAT of category " + vat.category() + " at " + rate(vat.rate()) + " %",
                            vat.taxAmount(), "BT-116 x BT-119 / 100", expected);
                }
            }
        }
    }

    private static String key(String category, BigDecimal rate) {
        return Objects.toString(category, "") + "|" + rate(rate);
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "0" : rate.stripTrailingZeros().toPlainString();
    }

    private static void equal(String rule, String what, BigDecimal stated, String computedAs, BigDecimal computed) {
        if (stated == null) {
            return;
        }
        BigDecimal rounded = computed.setScale(2, RoundingMode.HALF_UP);
        if (stated.compareTo(rounded) != 0) {
            throw broken(rule, what, stated, computedAs, rounded);
        }
    }

    private static InvalidErpDocumentException broken(String rule, String what, BigDecimal stated, String computedAs,
                                                      BigDecimal computed) {
        return new InvalidErpDocumentException("the invoice breaks EN 16931 rule " + rule + ": " + what + " is "
                + stated.toPlainString() + " but " + computedAs + " is " + computed.toPlainString()
                + "; correct the document's amounts");
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).map(InvoiceReconciliation::zero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
