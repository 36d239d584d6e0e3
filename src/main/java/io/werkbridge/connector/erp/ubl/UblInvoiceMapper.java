package io.werkbridge.connector.erp.ubl;

import static io.werkbridge.connector.erp.xml.Elements.child;
import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.date;
import static io.werkbridge.connector.erp.xml.Elements.decimal;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.requiredText;
import static io.werkbridge.connector.erp.xml.Elements.text;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.connector.erp.xml.Totals;
import io.werkbridge.model.Address;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Invoice;
import io.werkbridge.model.Operation;
import io.werkbridge.model.PartyKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A UBL 2.1 Invoice (XRechnung / EN 16931 style) to a canonical invoice. The supplier party is the controller itself
 * and is not carried; the customer party gives the customer number and the billing address and contact. Mapping
 * table in docs/erp.md.
 */
public final class UblInvoiceMapper {

    public static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final int MAX_LINES = 10_000;
    private static final Pattern LINE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private UblInvoiceMapper() {
    }

    public static boolean isUblInvoice(Element root) {
        return INVOICE.equals(root.getNamespaceURI()) && "Invoice".equals(root.getLocalName());
    }

    public static ErpDocument map(Element invoice) {
        String number = requiredText(invoice, CBC, "ID", "element cbc:ID (invoice number)");
        Element customer = required(invoice, CAC, "AccountingCustomerParty", "element cac:AccountingCustomerParty");
        Optional<Element> party = child(customer, CAC, "Party");
        String customerNumber = party.flatMap(p -> child(p, CAC, "PartyIdentification")).map(id -> text(id, CBC, "ID"))
                .or(() -> Optional.ofNullable(text(customer, CBC, "CustomerAssignedAccountID")))
                .or(() -> Optional.ofNullable(text(invoice, CBC, "BuyerReference")))
                .orElseThrow(() -> new InvalidErpDocumentException("mandatory customer number is missing: "
                        + "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID (or cbc:BuyerReference)"));
        Invoice result = new Invoice(number, customerNumber,
                date(requiredText(invoice, CBC, "IssueDate", "element cbc:IssueDate"), "cbc:IssueDate"),
                date(text(invoice, CBC, "DueDate"), "cbc:DueDate"),
                requiredText(invoice, CBC, "DocumentCurrencyCode", "element cbc:DocumentCurrencyCode"),
                party.map(UblInvoiceMapper::billTo).orElse(null), lines(invoice), totals(invoice), payment(invoice));
        return new ErpDocument(ErpDocument.INVOICES, Envelope.create(EntityType.INVOICE, number, Operation.UPSERT,
                Instant.now(), ErpDocument.SOURCE, CanonicalJson.tree(result)));
    }

    private static Invoice.BillTo billTo(Element party) {
        String company = child(party, CAC, "PartyLegalEntity").map(e -> text(e, CBC, "RegistrationName"))
                .or(() -> child(party, CAC, "PartyName").map(e -> text(e, CBC, "Name")))
                .orElse(null);
        Optional<Element> contact = child(party, CAC, "Contact");
        return new Invoice.BillTo(PartyKind.UNKNOWN, company, contact.map(c -> text(c, CBC, "Name")).orElse(null),
                contact.map(c -> text(c, CBC, "ElectronicMail")).orElse(null),
                child(party, CAC, "PostalAddress").map(UblInvoiceMapper::address).orElse(null));
    }

    private static Address address(Element postal) {
        return new Address(text(postal, CBC, "StreetName"), text(postal, CBC, "PostalZone"), text(postal, CBC, "CityName"),
                child(postal, CAC, "Country").map(c -> text(c, CBC, "IdentificationCode")).orElse(null));
    }

    private static List<Invoice.Line> lines(Element invoice) {
        List<Element> lines = children(invoice, CAC, "InvoiceLine");
        if (lines.size() > MAX_LINES) {
            throw new InvalidErpDocumentException("more than " + MAX_LINES + " cac:InvoiceLine elements");
        }
        List<Invoice.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(line(lines.get(i), i + 1));
        }
        return out;
    }

    private static Invoice.Line line(Element line, int ordinal) {
        String where = "cac:InvoiceLine[" + ordinal + "]";
        String id = requiredText(line, CBC, "ID", "element " + where + "/cbc:ID");
        int position = LINE_NUMBER.matcher(id).matches() ? Integer.parseInt(id) : ordinal;
        Optional<Element> item = child(line, CAC, "Item");
        return new Invoice.Line(position,
                item.flatMap(i -> child(i, CAC, "SellersItemIdentification")).map(s -> text(s, CBC, "ID")).orElse(null),
                item.map(i -> Optional.ofNullable(text(i, CBC, "Name")).orElse(text(i, CBC, "Description"))).orElse(null),
                decimal(text(line, CBC, "InvoicedQuantity"), where + "/cbc:InvoicedQuantity"),
                child(line, CAC, "Price").map(p -> decimal(text(p, CBC, "PriceAmount"), where + "/cac:Price/cbc:PriceAmount")).orElse(null),
                decimal(text(line, CBC, "LineExtensionAmount"), where + "/cbc:LineExtensionAmount"));
    }

    private static Invoice.Totals totals(Element invoice) {
        Element total = required(invoice, CAC, "LegalMonetaryTotal", "element cac:LegalMonetaryTotal");
        String gross = Optional.ofNullable(text(total, CBC, "TaxInclusiveAmount")).orElse(text(total, CBC, "PayableAmount"));
        if (gross == null) {
            throw new InvalidErpDocumentException("mandatory element cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount is missing");
        }
        BigDecimal tax = child(invoice, CAC, "TaxTotal").map(t -> decimal(text(t, CBC, "TaxAmount"), "cac:TaxTotal/cbc:TaxAmount"))
                .orElse(null);
        return Totals.complete(decimal(text(total, CBC, "TaxExclusiveAmount"), "cbc:TaxExclusiveAmount"), tax,
                decimal(gross, "cbc:TaxInclusiveAmount"), "cbc:TaxExclusiveAmount or cac:TaxTotal/cbc:TaxAmount");
    }

    private static Invoice.Payment payment(Element invoice) {
        Optional<Element> account = child(invoice, CAC, "PaymentMeans").flatMap(m -> child(m, CAC, "PayeeFinancialAccount"));
        String terms = child(invoice, CAC, "PaymentTerms").map(t -> text(t, CBC, "Note")).orElse(null);
        if (account.isEmpty() && terms == null) {
            return null;
        }
        return new Invoice.Payment(account.map(a -> text(a, CBC, "ID")).orElse(null),
                account.flatMap(a -> child(a, CAC, "FinancialInstitutionBranch")).map(b -> text(b, CBC, "ID")).orElse(null),
                terms);
    }
}
