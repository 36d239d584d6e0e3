package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Canonical invoice after EN 16931's semantic model (DESIGN §4; the BT/BG of each field in docs/erp.md). It keeps an
 * invoice exactly as issued: the type (a credit note or a corrected invoice is told apart from an invoice), every
 * amount of the document totals (BG-22) including what was prepaid and what is due, the document-level allowances and
 * charges, the VAT breakdown and every payee account. Money is {@link BigDecimal} with the document's own scale.
 * The seller is the controller itself and is not carried; {@code billTo} is the buyer (BG-7).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invoice(
        String invoiceNumber,
        String typeCode,
        String customerNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        References references,
        List<PrecedingInvoice> precedingInvoices,
        BillTo billTo,
        Delivery delivery,
        List<AllowanceCharge> allowances,
        List<AllowanceCharge> charges,
        List<Line> lines,
        List<VatBreakdown> vatBreakdown,
        Totals totals,
        Payment payment) {

    /** BT-3 commercial invoice. */
    public static final String COMMERCIAL_INVOICE = "380";

    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
        precedingInvoices = emptyToNull(precedingInvoices);
        allowances = emptyToNull(allowances);
        charges = emptyToNull(charges);
        vatBreakdown = emptyToNull(vatBreakdown);
    }

    static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }

    /** BT-10 buyer reference, BT-11 project, BT-12 contract, BT-13 purchase order, BT-14 sales order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record References(String buyerReference, String projectReference, String contractReference,
                             String orderReference, String salesOrderReference) {
        @JsonIgnore
        public boolean isEmpty() {
            return buyerReference == null && projectReference == null && contractReference == null
                    && orderReference == null && salesOrderReference == null;
        }
    }

    /** BG-3: BT-25 number, BT-26 issue date of an invoice this one corrects or credits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrecedingInvoice(String number, LocalDate issueDate) {
    }

    /**
     * The buyer (BG-7): BT-44 name, BT-47 legal registration id, BT-48 VAT id, BG-9 contact (BT-56 name, BT-57
     * phone, BT-58 e-mail), BG-8 address. {@code kind} is set by the reader from the party data (docs/erp.md).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillTo(PartyKind kind, String company, String contactName, String email, Address address,
                         String phone, String vatId, String legalRegistrationId) {
        public BillTo {
            kind = PartyKind.orUnknown(kind);
        }

        public BillTo(PartyKind kind, String company, String contactName, String email, Address address) {
            this(kind, company, contactName, email, address, null, null, null);
        }
    }

    /** BT-72 actual delivery date, BG-14 invoicing period (BT-73, BT-74). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(LocalDate date, Period period) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(LocalDate start, LocalDate end) {
    }

    /**
     * A document-level allowance (BG-20) or charge (BG-21), or one of a line (BG-27, BG-28): amount, base amount,
     * percentage, reason and reason code, and (document level only) the VAT category and rate it is taxed with.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllowanceCharge(BigDecimal amount, BigDecimal baseAmount, BigDecimal percentage, String reason,
                                  String reasonCode, String vatCategory, BigDecimal vatRate) {
    }

    /**
     * An invoice line (BG-25): BT-126 id, BT-131 net amount, BT-129/BT-130 quantity and unit code, BG-29 price (BT-146
     * net price per BT-149 base quantity in BT-150 unit, BT-148 gross price), BG-31 item (BT-153 name, BT-154
     * description, BT-155 seller's id, BT-157 standard id), BG-30 VAT, BG-26 period, line allowances and charges.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int position, String lineId, String partNumber, String standardItemId, String description,
                       String itemDescription, BigDecimal quantity, String unitCode, BigDecimal unitPrice,
                       BigDecimal baseQuantity, String baseQuantityUnitCode, BigDecimal grossPrice, BigDecimal net,
                       String vatCategory, BigDecimal vatRate, Period period, String orderLineReference,
                       List<AllowanceCharge> allowances, List<AllowanceCharge> charges) {
        public Line {
            allowances = emptyToNull(allowances);
            charges = emptyToNull(charges);
        }

        /** A line as the ERP's own interfaces give it: no unit code, price per one unit. */
        public Line(int position, String partNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                    BigDecimal net) {
            this(position, null, partNumber, null, description, null, quantity, null, unitPrice, null, null, null, net,
                    null, null, null, null, null, null);
        }
    }

    /** BG-23: BT-116 taxable amount, BT-117 tax, BT-118 category, BT-119 rate, BT-120/121 exemption reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VatBreakdown(String category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount,
                               String exemptionReason, String exemptionReasonCode) {
    }

    /**
     * Document totals (BG-22): BT-106 sum of line net amounts, BT-107 allowances, BT-108 charges, BT-109 total without
     * VAT, BT-110 VAT, BT-112 total with VAT, BT-113 paid amount, BT-114 rounding, BT-115 amount due for payment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(BigDecimal lineTotal, BigDecimal allowanceTotal, BigDecimal chargeTotal,
                         BigDecimal taxExclusive, BigDecimal tax, BigDecimal taxInclusive, BigDecimal prepaid,
                         BigDecimal rounding, BigDecimal amountDue) {

        /** Totals of a source that gives only net, tax and gross, with nothing prepaid: what is due is the gross. */
        public static Totals ofNetTaxGross(BigDecimal net, BigDecimal tax, BigDecimal gross) {
            return new Totals(net, null, null, net, tax, gross, null, null, gross);
        }
    }

    /**
     * Payment (BG-16 and on): BT-81 means code, BT-82 means text, BT-83 remittance information, BT-20 terms, every
     * payee account (BG-17), the card (BG-18), the direct debit (BG-19).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String meansCode, String meansText, String remittance, String terms, List<Account> accounts,
                          Card card, DirectDebit directDebit) {
        public Payment {
            accounts = emptyToNull(accounts);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return meansCode == null && meansText == null && remittance == null && terms == null && accounts == null
                    && card == null && directDebit == null;
        }
    }

    /** BG-17: BT-84 account id (IBAN), BT-85 account name, BT-86 service provider (BIC). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String iban, String name, String bic) {
    }

    /** BG-18: BT-87 the last digits of the card (never more), BT-88 the holder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String lastDigits, String holder) {
    }

    /** BG-19: BT-89 mandate reference, BT-90 creditor id, BT-91 debited account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectDebit(String mandate, String creditorId, String debtorAccount) {
    }
}
