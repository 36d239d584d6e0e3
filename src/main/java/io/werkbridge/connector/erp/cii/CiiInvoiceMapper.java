package io.werkbridge.connector.erp.cii;

import static io.werkbridge.connector.erp.xml.Elements.attribute;
import static io.werkbridge.connector.erp.xml.Elements.child;
import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.date;
import static io.werkbridge.connector.erp.xml.Elements.decimal;
import static io.werkbridge.connector.erp.xml.Elements.path;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.requiredText;
import static io.werkbridge.connector.erp.xml.Elements.text;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.connector.erp.invoice.BuyerKind;
import io.werkbridge.connector.erp.invoice.CardDigits;
import io.werkbridge.connector.erp.invoice.InvoiceDocuments;
import io.werkbridge.model.Address;
import io.werkbridge.model.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * A UN/CEFACT Cross Industry Invoice D16B (the EN 16931 CII syntax binding: XRechnung CII, the XML inside
 * ZUGFeRD/Factur-X) to a canonical invoice. Mapping table in docs/erp.md. As with UBL, the seller names the document
 * only, for its message id.
 */
public final class CiiInvoiceMapper {

    public static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static final int MAX_LINES = 10_000;
    private static final Pattern LINE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private CiiInvoiceMapper() {
    }

    public static boolean isCii(Element root) {
        return RSM.equals(root.getNamespaceURI()) && "CrossIndustryInvoice".equals(root.getLocalName());
    }

    public static ErpDocument map(Element root) {
        Element document = required(root, RSM, "ExchangedDocument", "element rsm:ExchangedDocument");
        Element transaction = required(root, RSM, "SupplyChainTradeTransaction", "element rsm:SupplyChainTradeTransaction");
        Element agreement = required(transaction, RAM, "ApplicableHeaderTradeAgreement", "element ram:ApplicableHeaderTradeAgreement");
        Element settlement = required(transaction, RAM, "ApplicableHeaderTradeSettlement",
                "element ram:ApplicableHeaderTradeSettlement");
        String number = requiredText(document, RAM, "ID", "element rsm:ExchangedDocument/ram:ID (BT-1 invoice number)");
        String typeCode = requiredText(document, RAM, "TypeCode", "element rsm:ExchangedDocument/ram:TypeCode (BT-3)");
        String currency = requiredText(settlement, RAM, "InvoiceCurrencyCode", "element ram:InvoiceCurrencyCode (BT-5)");
        Element buyer = required(agreement, RAM, "BuyerTradeParty", "element ram:BuyerTradeParty (BG-7 buyer)");
        String buyerReference = text(agreement, RAM, "BuyerReference");
        String customerNumber = Optional.ofNullable(text(buyer, RAM, "ID"))
                .or(() -> Optional.ofNullable(text(buyer, RAM, "GlobalID")))
                .or(() -> Optional.ofNullable(buyerReference))
                .orElseThrow(() -> new InvalidErpDocumentException("mandatory customer number is missing: "
                        + "ram:BuyerTradeParty/ram:ID (BT-46) or ram:BuyerReference (BT-10)"));
        LocalDate issueDate = dateTime(document, "IssueDateTime", "ram:IssueDateTime");
        if (issueDate == null) {
            throw new InvalidErpDocumentException("mandatory element ram:IssueDateTime (BT-2) is missing or empty");
        }
        List<Element> terms = children(settlement, RAM, "SpecifiedTradePaymentTerms");
        LocalDate due = terms.stream().map(t -> dateTime(t, "DueDateDateTime", "ram:DueDateDateTime"))
                .filter(d -> d != null).findFirst().orElse(null);
        Element summation = required(settlement, RAM, "SpecifiedTradeSettlementHeaderMonetarySummation",
                "element ram:SpecifiedTradeSettlementHeaderMonetarySummation (BG-22)");
        Invoice invoice = new Invoice(number, typeCode, customerNumber, issueDate, due, currency,
                references(agreement, buyerReference), preceding(settlement), billTo(buyer),
                delivery(transaction, settlement), allowanceCharges(settlement, false, "ram:SpecifiedTradeAllowanceCharge"),
                allowanceCharges(settlement, true, "ram:SpecifiedTradeAllowanceCharge"), lines(transaction),
                vatBreakdown(settlement), totals(summation, currency), payment(settlement, terms));
        return InvoiceDocuments.document(invoice, seller(agreement));
    }

    /** A date in a {@code udt:DateTimeString} (format 102: YYYYMMDD) below {@code name}. */
    private static LocalDate dateTime(Element parent, String name, String where) {
        return child(parent, RAM, name).map(e -> date(text(e, null, "DateTimeString"), where)).orElse(null);
    }

    private static Invoice.References references(Element agreement, String buyerReference) {
        Invoice.References references = new Invoice.References(buyerReference,
                path(agreement, RAM, "SpecifiedProcuringProject").map(p -> text(p, RAM, "ID")).orElse(null),
                child(agreement, RAM, "ContractReferencedDocument").map(r -> text(r, RAM, "IssuerAssignedID")).orElse(null),
                child(agreement, RAM, "BuyerOrderReferencedDocument").map(r -> text(r, RAM, "IssuerAssignedID")).orElse(null),
                child(agreement, RAM, "SellerOrderReferencedDocument").map(r -> text(r, RAM, "IssuerAssignedID")).orElse(null));
        return references.isEmpty() ? null : references;
    }

    private static List<Invoice.PrecedingInvoice> preceding(Element settlement) {
        return children(settlement, RAM, "InvoiceReferencedDocument").stream()
                .map(r -> new Invoice.PrecedingInvoice(text(r, RAM, "IssuerAssignedID"), child(r, RAM, "FormattedIssueDateTime")
                        .map(f -> date(text(f, null, "DateTimeString"), "ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime"))
                        .orElse(null)))
                .toList();
    }

    /** What names the seller, for the message id only: VAT id, else legal registration, else name. */
    private static String seller(Element agreement) {
        Optional<Element> seller = child(agreement, RAM, "SellerTradeParty");
        return seller.flatMap(CiiInvoiceMapper::vatId)
                .or(() -> seller.flatMap(s -> child(s, RAM, "SpecifiedLegalOrganization")).map(l -> text(l, RAM, "ID")))
                .or(() -> seller.map(s -> text(s, RAM, "Name")))
                .orElse("");
    }

    private static Optional<String> vatId(Element party) {
        return children(party, RAM, "SpecifiedTaxRegistration").stream()
                .flatMap(r -> child(r, RAM, "ID").stream())
                .filter(id -> "VA".equals(id.getAttribute("schemeID")))
                .map(id -> id.getTextContent().trim()).filter(v -> !v.isEmpty()).findFirst();
    }

    private static Invoice.BillTo billTo(Element buyer) {
        String legalId = child(buyer, RAM, "SpecifiedLegalOrganization").map(l -> text(l, RAM, "ID")).orElse(null);
        Optional<Element> contact = child(buyer, RAM, "DefinedTradeContact");
        return new Invoice.BillTo(BuyerKind.of(legalId), text(buyer, RAM, "Name"),
                contact.map(c -> text(c, RAM, "PersonName")).orElse(null),
                contact.flatMap(c -> child(c, RAM, "EmailURIUniversalCommunication")).map(e -> text(e, RAM, "URIID")).orElse(null),
                child(buyer, RAM, "PostalTradeAddress").map(CiiInvoiceMapper::address).orElse(null),
                contact.flatMap(c -> child(c, RAM, "TelephoneUniversalCommunication")).map(t -> text(t, RAM, "CompleteNumber"))
                        .orElse(null),
                vatId(buyer).orElse(null), legalId);
    }

    private static Address address(Element postal) {
        String street = Stream.of(text(postal, RAM, "LineOne"), text(postal, RAM, "LineTwo"), text(postal, RAM, "LineThree"))
                .filter(l -> l != null).collect(Collectors.joining(", "));
        return new Address(street.isEmpty() ? null : street, text(postal, RAM, "PostcodeCode"), text(postal, RAM, "CityName"),
                text(postal, RAM, "CountryID"));
    }

    private static Invoice.Delivery delivery(Element transaction, Element settlement) {
        LocalDate date = path(transaction, RAM, "ApplicableHeaderTradeDelivery", "ActualDeliverySupplyChainEvent")
                .map(e -> dateTime(e, "OccurrenceDateTime", "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime"))
                .orElse(null);
        Invoice.Period period = child(settlement, RAM, "BillingSpecifiedPeriod").map(p -> period(p, "ram:BillingSpecifiedPeriod"))
                .orElse(null);
        return date == null && period == null ? null : new Invoice.Delivery(date, period);
    }

    private static Invoice.Period period(Element period, String where) {
        LocalDate start = dateTime(period, "StartDateTime", where + "/ram:StartDateTime");
        LocalDate end = dateTime(period, "EndDateTime", where + "/ram:EndDateTime");
        return start == null && end == null ? null : new Invoice.Period(start, end);
    }

    private static List<Invoice.AllowanceCharge> allowanceCharges(Element parent, boolean charge, String where) {
        List<Invoice.AllowanceCharge> out = new ArrayList<>();
        for (Element ac : children(parent, RAM, "SpecifiedTradeAllowanceCharge")) {
            String indicator = child(ac, RAM, "ChargeIndicator").map(i -> text(i, null, "Indicator")).orElseThrow(
                    () -> new InvalidErpDocumentException("mandatory element " + where + "/ram:ChargeIndicator is missing"));
            if (Boolean.parseBoolean(indicator) != charge) {
                continue;
            }
            Optional<Element> tax = child(ac, RAM, "CategoryTradeTax");
            out.add(new Invoice.AllowanceCharge(
                    decimal(requiredText(ac, RAM, "ActualAmount", "element " + where + "/ram:ActualAmount"), where + "/ram:ActualAmount"),
                    decimal(text(ac, RAM, "BasisAmount"), where + "/ram:BasisAmount"),
                    decimal(text(ac, RAM, "CalculationPercent"), where + "/ram:CalculationPercent"),
                    text(ac, RAM, "Reason"), text(ac, RAM, "ReasonCode"),
                    tax.map(t -> text(t, RAM, "CategoryCode")).orElse(null),
                    tax.map(t -> decimal(text(t, RAM, "RateApplicablePercent"), where + "/ram:RateApplicablePercent")).orElse(null)));
        }
        return out;
    }

    private static List<Invoice.Line> lines(Element transaction) {
        List<Element> items = children(transaction, RAM, "IncludedSupplyChainTradeLineItem");
        if (items.size() > MAX_LINES) {
            throw new InvalidErpDocumentException("more than " + MAX_LINES + " ram:IncludedSupplyChainTradeLineItem elements");
        }
        List<Invoice.Line> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(line(items.get(i), i + 1));
        }
        return out;
    }

    private static Invoice.Line line(Element item, int ordinal) {
        String where = "ram:IncludedSupplyChainTradeLineItem[" + ordinal + "]";
        String id = path(item, RAM, "AssociatedDocumentLineDocument").map(d -> text(d, RAM, "LineID")).orElseThrow(
                () -> new InvalidErpDocumentException("mandatory element " + where + "/ram:AssociatedDocumentLineDocument/ram:LineID"
                        + " (BT-126) is missing"));
        int position = LINE_NUMBER.matcher(id).matches() ? Integer.parseInt(id) : ordinal;
        Optional<Element> product = child(item, RAM, "SpecifiedTradeProduct");
        Optional<Element> agreement = child(item, RAM, "SpecifiedLineTradeAgreement");
        Optional<Element> netPrice = agreement.flatMap(a -> child(a, RAM, "NetPriceProductTradePrice"));
        Optional<Element> grossPrice = agreement.flatMap(a -> child(a, RAM, "GrossPriceProductTradePrice"));
        Optional<Element> delivery = child(item, RAM, "SpecifiedLineTradeDelivery");
        Element settlement = required(item, RAM, "SpecifiedLineTradeSettlement", "element " + where + "/ram:SpecifiedLineTradeSettlement");
        Optional<Element> tax = child(settlement, RAM, "ApplicableTradeTax");
        String net = path(settlement, RAM, "SpecifiedTradeSettlementLineMonetarySummation").map(s -> text(s, RAM, "LineTotalAmount"))
                .orElseThrow(() -> new InvalidErpDocumentException("mandatory element " + where
                        + "/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount (BT-131) is missing"));
        return new Invoice.Line(position, id,
                product.map(p -> text(p, RAM, "SellerAssignedID")).orElse(null),
                product.map(p -> text(p, RAM, "GlobalID")).orElse(null),
                product.map(p -> text(p, RAM, "Name")).orElse(null),
                product.map(p -> text(p, RAM, "Description")).orElse(null),
                delivery.map(d -> decimal(text(d, RAM, "BilledQuantity"), where + "/ram:BilledQuantity")).orElse(null),
                delivery.map(d -> attribute(d, RAM, "BilledQuantity", "unitCode")).orElse(null),
                netPrice.map(p -> decimal(text(p, RAM, "ChargeAmount"), where + "/ram:NetPriceProductTradePrice/ram:ChargeAmount"))
                        .orElse(null),
                netPrice.map(p -> decimal(text(p, RAM, "BasisQuantity"), where + "/ram:NetPriceProductTradePrice/ram:BasisQuantity"))
                        .orElse(null),
                netPrice.map(p -> attribute(p, RAM, "BasisQuantity", "unitCode")).orElse(null),
                grossPrice.map(p -> decimal(text(p, RAM, "ChargeAmount"), where + "/ram:GrossPriceProductTradePrice/ram:ChargeAmount"))
                        .orElse(null),
                decimal(net, where + "/ram:LineTotalAmount"),
                tax.map(t -> text(t, RAM, "CategoryCode")).orElse(null),
                tax.map(t -> decimal(text(t, RAM, "RateApplicablePercent"), where + "/ram:RateApplicablePercent")).orElse(null),
                child(settlement, RAM, "BillingSpecifiedPeriod").map(p -> period(p, where + "/ram:BillingSpecifiedPeriod")).orElse(null),
                agreement.flatMap(a -> child(a, RAM, "BuyerOrderReferencedDocument")).map(r -> text(r, RAM, "LineID")).orElse(null),
                allowanceCharges(settlement, false, where + "/ram:SpecifiedTradeAllowanceCharge"),
                allowanceCharges(settlement, true, where + "/ram:SpecifiedTradeAllowanceCharge"));
    }

    private static List<Invoice.VatBreakdown> vatBreakdown(Element settlement) {
        List<Invoice.VatBreakdown> out = new ArrayList<>();
        List<Element> taxes = children(settlement, RAM, "ApplicableTradeTax");
        for (int i = 0; i < taxes.size(); i++) {
            Element tax = taxes.get(i);
            String where = "ram:ApplicableTradeTax[" + (i + 1) + "]";
            out.add(new Invoice.VatBreakdown(text(tax, RAM, "CategoryCode"),
                    decimal(text(tax, RAM, "RateApplicablePercent"), where + "/ram:RateApplicablePercent"),
                    decimal(text(tax, RAM, "BasisAmount"), where + "/ram:BasisAmount"),
                    decimal(text(tax, RAM, "CalculatedAmount"), where + "/ram:CalculatedAmount"),
                    text(tax, RAM, "ExemptionReason"), text(tax, RAM, "ExemptionReasonCode")));
        }
        return out;
    }

    private static Invoice.Totals totals(Element summation, String currency) {
        // BT-110 is the tax total in the invoice currency; a second TaxTotalAmount in the tax currency is BT-111
        List<Element> taxTotals = children(summation, RAM, "TaxTotalAmount");
        BigDecimal tax = taxTotals.stream().filter(t -> currency.equals(t.getAttribute("currencyID"))).findFirst()
                .or(() -> taxTotals.stream().filter(t -> t.getAttribute("currencyID").isEmpty()).findFirst())
                .map(t -> decimal(t.getTextContent().trim(), "ram:TaxTotalAmount")).orElse(null);
        return new Invoice.Totals(amount(summation, "LineTotalAmount", true), amount(summation, "AllowanceTotalAmount", false),
                amount(summation, "ChargeTotalAmount", false), amount(summation, "TaxBasisTotalAmount", true), tax,
                amount(summation, "GrandTotalAmount", true), amount(summation, "TotalPrepaidAmount", false),
                amount(summation, "RoundingAmount", false), amount(summation, "DuePayableAmount", true));
    }

    private static BigDecimal amount(Element summation, String name, boolean mandatory) {
        String where = "ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:" + name;
        return decimal(mandatory ? requiredText(summation, RAM, name, "element " + where) : text(summation, RAM, name), where);
    }

    private static Invoice.Payment payment(Element settlement, List<Element> terms) {
        List<Element> means = children(settlement, RAM, "SpecifiedTradeSettlementPaymentMeans");
        Optional<Element> first = means.stream().findFirst();
        List<Invoice.Account> accounts = new ArrayList<>();
        Invoice.Card card = null;
        String debtorAccount = null;
        for (Element m : means) {
            Optional<Element> account = child(m, RAM, "PayeePartyCreditorFinancialAccount");
            if (account.isPresent()) {
                accounts.add(new Invoice.Account(Optional.ofNullable(text(account.get(), RAM, "IBANID"))
                        .orElse(text(account.get(), RAM, "ProprietaryID")), text(account.get(), RAM, "AccountName"),
                        child(m, RAM, "PayeeSpecifiedCreditorFinancialInstitution").map(b -> text(b, RAM, "BICID")).orElse(null)));
            }
            Optional<Element> financialCard = child(m, RAM, "ApplicableTradeSettlementFinancialCard");
            if (card == null && financialCard.isPresent()) {
                card = new Invoice.Card(CardDigits.lastDigits(text(financialCard.get(), RAM, "ID")),
                        text(financialCard.get(), RAM, "CardholderName"));
            }
            if (debtorAccount == null) {
                debtorAccount = child(m, RAM, "PayerPartyDebtorFinancialAccount").map(a -> text(a, RAM, "IBANID")).orElse(null);
            }
        }
        String mandate = terms.stream().map(t -> text(t, RAM, "DirectDebitMandateID")).filter(v -> v != null).findFirst()
                .orElse(null);
        Invoice.DirectDebit debit = mandate == null && debtorAccount == null ? null
                : new Invoice.DirectDebit(mandate, text(settlement, RAM, "CreditorReferenceID"), debtorAccount);
        Invoice.Payment payment = new Invoice.Payment(first.map(m -> text(m, RAM, "TypeCode")).orElse(null),
                first.map(m -> text(m, RAM, "Information")).orElse(null), text(settlement, RAM, "PaymentReference"),
                terms.stream().map(t -> text(t, RAM, "Description")).filter(d -> d != null).findFirst().orElse(null),
                accounts, card, debit);
        return payment.isEmpty() ? null : payment;
    }
}
