package io.werkbridge.connector.erp.ubl;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A UBL 2.1 Invoice or CreditNote (EN 16931 / XRechnung UBL syntax binding) to a canonical invoice. The two document
 * types differ only in their root, type code, line and quantity element names and where the due date is; both are
 * read by the same code. The seller is the controller itself and is not carried (it names the document only, for
 * its message id). Mapping table in docs/erp.md.
 */
public final class UblInvoiceMapper {

    public static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final int MAX_LINES = 10_000;
    private static final Pattern LINE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private UblInvoiceMapper() {
    }

    public static boolean isUblInvoice(Element root) {
        return (INVOICE.equals(root.getNamespaceURI()) && "Invoice".equals(root.getLocalName()))
                || (CREDIT_NOTE.equals(root.getNamespaceURI()) && "CreditNote".equals(root.getLocalName()));
    }

    /** The element names that differ between Invoice and CreditNote. */
    private record Kind(String typeCode, String line, String quantity, String defaultType) {
        static final Kind INVOICE = new Kind("InvoiceTypeCode", "InvoiceLine", "InvoicedQuantity", "380");
        static final Kind CREDIT_NOTE = new Kind("CreditNoteTypeCode", "CreditNoteLine", "CreditedQuantity", "381");
    }

    public static ErpDocument map(Element doc) {
        Kind kind = "CreditNote".equals(doc.getLocalName()) ? Kind.CREDIT_NOTE : Kind.INVOICE;
        String number = requiredText(doc, CBC, "ID", "element cbc:ID (BT-1 invoice number)");
        String typeCode = Optional.ofNullable(text(doc, CBC, kind.typeCode())).orElse(kind.defaultType());
        String currency = requiredText(doc, CBC, "DocumentCurrencyCode", "element cbc:DocumentCurrencyCode (BT-5)");
        Element customer = required(doc, CAC, "AccountingCustomerParty", "element cac:AccountingCustomerParty (BG-7 buyer)");
        Optional<Element> party = child(customer, CAC, "Party");
        String buyerReference = text(doc, CBC, "BuyerReference");
        String customerNumber = party.flatMap(p -> child(p, CAC, "PartyIdentification")).map(id -> text(id, CBC, "ID"))
                .or(() -> Optional.ofNullable(text(customer, CBC, "CustomerAssignedAccountID")))
                .or(() -> Optional.ofNullable(buyerReference))
                .orElseThrow(() -> new InvalidErpDocumentException("mandatory customer number is missing: "
                        + "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID (BT-46) or cbc:BuyerReference (BT-10)"));
        // BT-9: cbc:DueDate in an Invoice, cac:PaymentMeans/cbc:PaymentDueDate in a CreditNote
        String due = Optional.ofNullable(text(doc, CBC, "DueDate"))
                .orElseGet(() -> children(doc, CAC, "PaymentMeans").stream().map(m -> text(m, CBC, "PaymentDueDate"))
                        .filter(d -> d != null).findFirst().orElse(null));
        Invoice invoice = new Invoice(number, typeCode, customerNumber,
                date(requiredText(doc, CBC, "IssueDate", "element cbc:IssueDate (BT-2)"), "cbc:IssueDate"),
                date(due, "cbc:DueDate"), currency, references(doc, buyerReference), preceding(doc),
                party.map(UblInvoiceMapper::billTo).orElse(null), delivery(doc),
                allowanceCharges(doc, false, "cac:AllowanceCharge"), allowanceCharges(doc, true, "cac:AllowanceCharge"),
                lines(doc, kind), vatBreakdown(doc, currency), totals(doc, currency), payment(doc));
        return InvoiceDocuments.document(invoice, seller(doc));
    }

    private static Invoice.References references(Element doc, String buyerReference) {
        Invoice.References references = new Invoice.References(buyerReference,
                child(doc, CAC, "ProjectReference").map(r -> text(r, CBC, "ID")).orElse(null),
                child(doc, CAC, "ContractDocumentReference").map(r -> text(r, CBC, "ID")).orElse(null),
                child(doc, CAC, "OrderReference").map(r -> text(r, CBC, "ID")).orElse(null),
                child(doc, CAC, "OrderReference").map(r -> text(r, CBC, "SalesOrderID")).orElse(null));
        return references.isEmpty() ? null : references;
    }

    private static List<Invoice.PrecedingInvoice> preceding(Element doc) {
        List<Invoice.PrecedingInvoice> out = new ArrayList<>();
        for (Element reference : children(doc, CAC, "BillingReference")) {
            child(reference, CAC, "InvoiceDocumentReference").ifPresent(r -> out.add(new Invoice.PrecedingInvoice(
                    text(r, CBC, "ID"), date(text(r, CBC, "IssueDate"), "cac:BillingReference/cbc:IssueDate"))));
        }
        return out;
    }

    /** What names the seller, for the message id only: VAT id, else legal registration, else name. */
    private static String seller(Element doc) {
        Optional<Element> party = path(doc, CAC, "AccountingSupplierParty", "Party");
        return party.flatMap(UblInvoiceMapper::vatId)
                .or(() -> party.flatMap(p -> child(p, CAC, "PartyLegalEntity")).map(l -> text(l, CBC, "CompanyID")))
                .or(() -> party.flatMap(p -> child(p, CAC, "PartyLegalEntity")).map(l -> text(l, CBC, "RegistrationName")))
                .orElse("");
    }

    private static Invoice.BillTo billTo(Element party) {
        Optional<Element> legal = child(party, CAC, "PartyLegalEntity");
        String company = legal.map(e -> text(e, CBC, "RegistrationName"))
                .or(() -> child(party, CAC, "PartyName").map(e -> text(e, CBC, "Name")))
                .orElse(null);
        String legalId = legal.map(e -> text(e, CBC, "CompanyID")).orElse(null);
        String vatId = vatId(party).orElse(null);
        Optional<Element> contact = child(party, CAC, "Contact");
        return new Invoice.BillTo(BuyerKind.of(legalId), company, contact.map(c -> text(c, CBC, "Name")).orElse(null),
                contact.map(c -> text(c, CBC, "ElectronicMail")).orElse(null),
                child(party, CAC, "PostalAddress").map(UblInvoiceMapper::address).orElse(null),
                contact.map(c -> text(c, CBC, "Telephone")).orElse(null), vatId, legalId);
    }

    /** BT-31/BT-48: the party's tax registration in the VAT scheme (not its national tax number, scheme FC). */
    private static Optional<String> vatId(Element party) {
        return children(party, CAC, "PartyTaxScheme").stream()
                .filter(t -> "VAT".equals(path(t, CAC, "TaxScheme").map(s -> text(s, CBC, "ID")).orElse("VAT")))
                .map(t -> text(t, CBC, "CompanyID")).filter(v -> v != null).findFirst();
    }

    private static Address address(Element postal) {
        String street = text(postal, CBC, "StreetName");
        String additional = text(postal, CBC, "AdditionalStreetName");
        return new Address(street != null && additional != null ? street + ", " + additional : street != null ? street : additional,
                text(postal, CBC, "PostalZone"), text(postal, CBC, "CityName"),
                child(postal, CAC, "Country").map(c -> text(c, CBC, "IdentificationCode")).orElse(null));
    }

    private static Invoice.Delivery delivery(Element doc) {
        String date = child(doc, CAC, "Delivery").map(d -> text(d, CBC, "ActualDeliveryDate")).orElse(null);
        Invoice.Period period = child(doc, CAC, "InvoicePeriod").map(p -> period(p, "cac:InvoicePeriod")).orElse(null);
        if (date == null && period == null) {
            return null;
        }
        return new Invoice.Delivery(date(date, "cac:Delivery/cbc:ActualDeliveryDate"), period);
    }

    private static Invoice.Period period(Element period, String where) {
        String start = text(period, CBC, "StartDate");
        String end = text(period, CBC, "EndDate");
        return start == null && end == null ? null
                : new Invoice.Period(date(start, where + "/cbc:StartDate"), date(end, where + "/cbc:EndDate"));
    }

    /** The allowances ({@code charge} false) or charges of {@code parent}, document or line level. */
    private static List<Invoice.AllowanceCharge> allowanceCharges(Element parent, boolean charge, String where) {
        List<Invoice.AllowanceCharge> out = new ArrayList<>();
        for (Element ac : children(parent, CAC, "AllowanceCharge")) {
            String indicator = requiredText(ac, CBC, "ChargeIndicator", "element " + where + "/cbc:ChargeIndicator");
            if (Boolean.parseBoolean(indicator) != charge) {
                continue;
            }
            Optional<Element> category = child(ac, CAC, "TaxCategory");
            out.add(new Invoice.AllowanceCharge(
                    decimal(requiredText(ac, CBC, "Amount", "element " + where + "/cbc:Amount"), where + "/cbc:Amount"),
                    decimal(text(ac, CBC, "BaseAmount"), where + "/cbc:BaseAmount"),
                    decimal(text(ac, CBC, "MultiplierFactorNumeric"), where + "/cbc:MultiplierFactorNumeric"),
                    text(ac, CBC, "AllowanceChargeReason"), text(ac, CBC, "AllowanceChargeReasonCode"),
                    category.map(c -> text(c, CBC, "ID")).orElse(null),
                    category.map(c -> decimal(text(c, CBC, "Percent"), where + "/cac:TaxCategory/cbc:Percent")).orElse(null)));
        }
        return out;
    }

    private static List<Invoice.Line> lines(Element doc, Kind kind) {
        List<Element> lines = children(doc, CAC, kind.line());
        if (lines.size() > MAX_LINES) {
            throw new InvalidErpDocumentException("more than " + MAX_LINES + " cac:" + kind.line() + " elements");
        }
        List<Invoice.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(line(lines.get(i), i + 1, kind));
        }
        return out;
    }

    private static Invoice.Line line(Element line, int ordinal, Kind kind) {
        String where = "cac:" + kind.line() + "[" + ordinal + "]";
        String id = requiredText(line, CBC, "ID", "element " + where + "/cbc:ID");
        int position = LINE_NUMBER.matcher(id).matches() ? Integer.parseInt(id) : ordinal;
        Optional<Element> item = child(line, CAC, "Item");
        Optional<Element> price = child(line, CAC, "Price");
        Optional<Element> vat = item.flatMap(i -> child(i, CAC, "ClassifiedTaxCategory"));
        return new Invoice.Line(position, id,
                item.flatMap(i -> child(i, CAC, "SellersItemIdentification")).map(s -> text(s, CBC, "ID")).orElse(null),
                item.flatMap(i -> child(i, CAC, "StandardItemIdentification")).map(s -> text(s, CBC, "ID")).orElse(null),
                item.map(i -> text(i, CBC, "Name")).orElse(null),
                item.map(i -> text(i, CBC, "Description")).orElse(null),
                decimal(text(line, CBC, kind.quantity()), where + "/cbc:" + kind.quantity()),
                attribute(line, CBC, kind.quantity(), "unitCode"),
                price.map(p -> decimal(text(p, CBC, "PriceAmount"), where + "/cac:Price/cbc:PriceAmount")).orElse(null),
                price.map(p -> decimal(text(p, CBC, "BaseQuantity"), where + "/cac:Price/cbc:BaseQuantity")).orElse(null),
                price.map(p -> attribute(p, CBC, "BaseQuantity", "unitCode")).orElse(null),
                price.flatMap(p -> child(p, CAC, "AllowanceCharge"))
                        .map(a -> decimal(text(a, CBC, "BaseAmount"), where + "/cac:Price/cac:AllowanceCharge/cbc:BaseAmount"))
                        .orElse(null),
                decimal(requiredText(line, CBC, "LineExtensionAmount", "element " + where + "/cbc:LineExtensionAmount (BT-131)"),
                        where + "/cbc:LineExtensionAmount"),
                vat.map(c -> text(c, CBC, "ID")).orElse(null),
                vat.map(c -> decimal(text(c, CBC, "Percent"), where + "/cac:ClassifiedTaxCategory/cbc:Percent")).orElse(null),
                child(line, CAC, "InvoicePeriod").map(p -> period(p, where + "/cac:InvoicePeriod")).orElse(null),
                child(line, CAC, "OrderLineReference").map(r -> text(r, CBC, "LineID")).orElse(null),
                allowanceCharges(line, false, where + "/cac:AllowanceCharge"),
                allowanceCharges(line, true, where + "/cac:AllowanceCharge"));
    }

    /** The tax total in the document currency (BT-110); a second one in the tax currency (BT-111) is not it. */
    private static Optional<Element> taxTotal(Element doc, String currency) {
        List<Element> totals = children(doc, CAC, "TaxTotal");
        return totals.stream().filter(t -> currency.equals(attribute(t, CBC, "TaxAmount", "currencyID"))).findFirst()
                .or(() -> totals.stream().findFirst());
    }

    private static List<Invoice.VatBreakdown> vatBreakdown(Element doc, String currency) {
        List<Invoice.VatBreakdown> out = new ArrayList<>();
        Optional<Element> total = taxTotal(doc, currency);
        if (total.isEmpty()) {
            return out;
        }
        List<Element> subtotals = children(total.get(), CAC, "TaxSubtotal");
        for (int i = 0; i < subtotals.size(); i++) {
            Element sub = subtotals.get(i);
            String where = "cac:TaxSubtotal[" + (i + 1) + "]";
            Optional<Element> category = child(sub, CAC, "TaxCategory");
            out.add(new Invoice.VatBreakdown(category.map(c -> text(c, CBC, "ID")).orElse(null),
                    category.map(c -> decimal(text(c, CBC, "Percent"), where + "/cac:TaxCategory/cbc:Percent")).orElse(null),
                    decimal(text(sub, CBC, "TaxableAmount"), where + "/cbc:TaxableAmount"),
                    decimal(text(sub, CBC, "TaxAmount"), where + "/cbc:TaxAmount"),
                    category.map(c -> text(c, CBC, "TaxExemptionReason")).orElse(null),
                    category.map(c -> text(c, CBC, "TaxExemptionReasonCode")).orElse(null)));
        }
        return out;
    }

    private static Invoice.Totals totals(Element doc, String currency) {
        Element total = required(doc, CAC, "LegalMonetaryTotal", "element cac:LegalMonetaryTotal (BG-22)");
        return new Invoice.Totals(
                amount(total, "LineExtensionAmount", true), amount(total, "AllowanceTotalAmount", false),
                amount(total, "ChargeTotalAmount", false), amount(total, "TaxExclusiveAmount", true),
                taxTotal(doc, currency).map(t -> decimal(text(t, CBC, "TaxAmount"), "cac:TaxTotal/cbc:TaxAmount")).orElse(null),
                amount(total, "TaxInclusiveAmount", true), amount(total, "PrepaidAmount", false),
                amount(total, "PayableRoundingAmount", false), amount(total, "PayableAmount", true));
    }

    private static BigDecimal amount(Element total, String name, boolean mandatory) {
        String where = "cac:LegalMonetaryTotal/cbc:" + name;
        String text = mandatory ? requiredText(total, CBC, name, "element " + where) : text(total, CBC, name);
        return decimal(text, where);
    }

    private static Invoice.Payment payment(Element doc) {
        List<Element> means = children(doc, CAC, "PaymentMeans");
        Optional<Element> first = means.stream().findFirst();
        List<Invoice.Account> accounts = new ArrayList<>();
        Invoice.Card card = null;
        Invoice.DirectDebit debit = null;
        for (Element m : means) {
            child(m, CAC, "PayeeFinancialAccount").ifPresent(a -> accounts.add(new Invoice.Account(text(a, CBC, "ID"),
                    text(a, CBC, "Name"), child(a, CAC, "FinancialInstitutionBranch").map(b -> text(b, CBC, "ID")).orElse(null))));
            Optional<Element> cardAccount = child(m, CAC, "CardAccount");
            if (card == null && cardAccount.isPresent()) {
                card = new Invoice.Card(CardDigits.lastDigits(text(cardAccount.get(), CBC, "PrimaryAccountNumberID")),
                        text(cardAccount.get(), CBC, "HolderName"));
            }
            Optional<Element> mandate = child(m, CAC, "PaymentMandate");
            if (debit == null && mandate.isPresent()) {
                debit = new Invoice.DirectDebit(text(mandate.get(), CBC, "ID"), creditorId(doc),
                        child(mandate.get(), CAC, "PayerFinancialAccount").map(a -> text(a, CBC, "ID")).orElse(null));
            }
        }
        String terms = children(doc, CAC, "PaymentTerms").stream().map(t -> text(t, CBC, "Note")).filter(n -> n != null)
                .findFirst().orElse(null);
        Invoice.Payment payment = new Invoice.Payment(first.map(m -> text(m, CBC, "PaymentMeansCode")).orElse(null),
                first.map(m -> attribute(m, CBC, "PaymentMeansCode", "name")).orElse(null),
                means.stream().map(m -> text(m, CBC, "PaymentID")).filter(p -> p != null).findFirst().orElse(null),
                terms, accounts, card, debit);
        return payment.isEmpty() ? null : payment;
    }

    /** BT-90: the seller's or payee's party identification with scheme "SEPA". */
    private static String creditorId(Element doc) {
        List<Element> parties = new ArrayList<>();
        path(doc, CAC, "AccountingSupplierParty", "Party").ifPresent(parties::add);
        child(doc, CAC, "PayeeParty").ifPresent(parties::add);
        return parties.stream().flatMap(p -> children(p, CAC, "PartyIdentification").stream())
                .flatMap(i -> child(i, CBC, "ID").stream())
                .filter(id -> "SEPA".equals(id.getAttribute("schemeID")))
                .map(id -> id.getTextContent().trim()).findFirst().orElse(null);
    }
}
