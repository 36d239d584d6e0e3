package io.werkbridge.connector.erp.idoc;

import static io.werkbridge.connector.erp.xml.Elements.child;
import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.date;
import static io.werkbridge.connector.erp.xml.Elements.decimal;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.requiredText;
import static io.werkbridge.connector.erp.xml.Elements.text;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.connector.erp.invoice.InvoiceReconciliation;
import io.werkbridge.connector.erp.xml.Totals;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Invoice;
import io.werkbridge.model.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * INVOIC02 to a canonical invoice: E1EDK01 (header, currency), E1EDKA1 partners (AG sold-to: the customer number,
 * RE bill-to: the billing address), E1EDK02 references (009: invoice number), E1EDK03 dates (026 invoice date, else
 * 012 document date), E1EDK18 payment terms (003: net days, gives the due date), E1EDK28 bank details, E1EDP01 items
 * with E1EDP19 (002: material number) and E1EDP26 (003: net value), E1EDS01 totals (010 net, 005 tax, 011 gross).
 * Mapping table in docs/erp.md.
 */
final class InvoicMapper {

    private static final String CREDIT_NOTE = "381";

    private InvoicMapper() {
    }

    static ErpDocument map(Element idoc, Instant occurredAt) {
        Element header = required(idoc, null, "E1EDK01", "segment E1EDK01 (document header)");
        String currency = requiredText(header, null, "CURCY", "element E1EDK01.CURCY (currency)");
        String invoiceNumber = qualified(idoc, "E1EDK02", "QUALF", "009", "BELNR")
                .or(() -> Optional.ofNullable(text(header, null, "BELNR")))
                .orElseThrow(() -> new InvalidErpDocumentException(
                        "mandatory invoice number is missing: E1EDK02 with QUALF 009 (or E1EDK01.BELNR)"));
        Optional<Element> soldTo = partner(idoc, "AG");
        Optional<Element> billTo = partner(idoc, "RE").or(() -> soldTo);
        String customerNumber = soldTo.or(() -> billTo).map(p -> IdocReader.number(text(p, null, "PARTN")))
                .orElseThrow(() -> new InvalidErpDocumentException(
                        "mandatory segment E1EDKA1 with PARVW AG (sold-to) or RE (bill-to) and its PARTN is missing"));
        LocalDate issueDate = date(qualified(idoc, "E1EDK03", "IDDAT", "026", "DATUM")
                .or(() -> qualified(idoc, "E1EDK03", "IDDAT", "012", "DATUM"))
                .orElseThrow(() -> new InvalidErpDocumentException(
                        "mandatory invoice date is missing: E1EDK03 with IDDAT 026 or 012")), "E1EDK03.DATUM");
        Invoice.References references = new Invoice.References(null, null, null,
                qualified(idoc, "E1EDK02", "QUALF", "001", "BELNR").orElse(null),
                qualified(idoc, "E1EDK02", "QUALF", "002", "BELNR").orElse(null));
        // header conditions (E1EDK05) are not document allowances here: SAP distributes them to the items, whose net
        // values (and so E1EDS01 010) already hold them
        Invoice invoice = new Invoice(invoiceNumber, typeCode(header), customerNumber, issueDate,
                dueDate(idoc, issueDate), currency, references.isEmpty() ? null : references, null,
                billTo.map(InvoicMapper::billTo).orElse(null), null, null, null, lines(idoc), vatBreakdown(idoc),
                totals(idoc), payment(idoc, header));
        InvoiceReconciliation.check(invoice);
        return new ErpDocument(ErpDocument.INVOICES, Envelope.create(EntityType.INVOICE, invoiceNumber, Operation.UPSERT,
                occurredAt, ErpDocument.SOURCE, CanonicalJson.tree(invoice)));
    }

    /** E1EDK01.BSART: CRME (credit memo) is EN 16931's 381, INVO and every other billing type a commercial invoice. */
    private static String typeCode(Element header) {
        return "CRME".equals(text(header, null, "BSART")) ? CREDIT_NOTE : Invoice.COMMERCIAL_INVOICE;
    }

    /** E1EDK04 (each): the VAT rate (MSATZ) and amount (MWSBT) of one tax code; SAP's tax code is not a VAT category. */
    private static List<Invoice.VatBreakdown> vatBreakdown(Element idoc) {
        List<Invoice.VatBreakdown> out = new ArrayList<>();
        List<Element> taxes = children(idoc, null, "E1EDK04");
        for (int i = 0; i < taxes.size(); i++) {
            String where = "E1EDK04[" + (i + 1) + "]";
            out.add(new Invoice.VatBreakdown(null, decimal(text(taxes.get(i), null, "MSATZ"), where + ".MSATZ"), null,
                    decimal(text(taxes.get(i), null, "MWSBT"), where + ".MWSBT"), null, null));
        }
        return out;
    }

    /** The value of {@code field} in the first {@code segment} whose {@code qualifier} element equals {@code value}. */
    private static Optional<String> qualified(Element parent, String segment, String qualifier, String value, String field) {
        return children(parent, null, segment).stream()
                .filter(s -> value.equals(text(s, null, qualifier)))
                .map(s -> text(s, null, field))
                .filter(v -> v != null)
                .findFirst();
    }

    private static Optional<Element> partner(Element idoc, String role) {
        return children(idoc, null, "E1EDKA1").stream().filter(p -> role.equals(text(p, null, "PARVW"))).findFirst();
    }

    private static Invoice.BillTo billTo(Element partner) {
        return new Invoice.BillTo(SapPartyKinds.formOfAddress(text(partner, null, "ANRED")), IdocReader.joined(text(partner, null, "NAME1"), text(partner, null, "NAME2")),
                text(partner, null, "BNAME"), null, IdocReader.address(partner));
    }

    private static LocalDate dueDate(Element idoc, LocalDate issueDate) {
        return qualified(idoc, "E1EDK18", "QUALF", "003", "TAGE")
                .map(days -> {
                    BigDecimal value = decimal(days, "E1EDK18.TAGE");
                    return issueDate.plusDays(value.longValue());
                })
                .orElse(null);
    }

    private static List<Invoice.Line> lines(Element idoc) {
        List<Invoice.Line> lines = new ArrayList<>();
        List<Element> items = children(idoc, null, "E1EDP01");
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), i + 1));
        }
        return lines;
    }

    private static Invoice.Line line(Element item, int ordinal) {
        String where = "E1EDP01[" + ordinal + "]";
        String posex = IdocReader.number(text(item, null, "POSEX"));
        int position;
        try {
            position = posex == null ? ordinal : Integer.parseInt(posex);
        } catch (NumberFormatException e) {
            throw new InvalidErpDocumentException(where + ".POSEX is not an item number (digits)");
        }
        BigDecimal quantity = decimal(text(item, null, "MENGE"), where + ".MENGE");
        BigDecimal price = decimal(text(item, null, "VPREI"), where + ".VPREI");
        // the price is per PEINH units (EN 16931's base quantity, BT-149), kept as given: never divided and rounded
        BigDecimal priceUnit = decimal(text(item, null, "PEINH"), where + ".PEINH");
        BigDecimal baseQuantity = priceUnit != null && priceUnit.compareTo(BigDecimal.ONE) != 0 ? priceUnit : null;
        String unit = text(item, null, "MENEE");
        BigDecimal vatRate = children(item, null, "E1EDP04").stream().map(t -> text(t, null, "MSATZ")).filter(r -> r != null)
                .findFirst().map(r -> decimal(r, where + "/E1EDP04.MSATZ")).orElse(null);
        BigDecimal net = Optional.ofNullable(text(item, null, "NETWR"))
                .or(() -> qualified(item, "E1EDP26", "QUALF", "003", "BETRG"))
                .map(v -> decimal(v, where + ".NETWR/E1EDP26.BETRG"))
                .orElse(null);
        Optional<Element> material = children(item, null, "E1EDP19").stream()
                .filter(s -> "002".equals(text(s, null, "QUALF"))).findFirst();
        return new Invoice.Line(position, posex, material.map(m -> text(m, null, "IDTNR")).orElse(null), null,
                material.map(m -> text(m, null, "KTEXT")).orElse(null), null, quantity, unit, price, baseQuantity,
                baseQuantity == null ? null : unit, null, net, null, vatRate, null, null, null, null);
    }

    private static Invoice.Totals totals(Element idoc) {
        BigDecimal gross = decimal(qualified(idoc, "E1EDS01", "SUMID", "011", "SUMME").orElseThrow(() -> new InvalidErpDocumentException(
                "mandatory segment E1EDS01 with SUMID 011 (billed value, gross) is missing")), "E1EDS01(011).SUMME");
        BigDecimal net = decimal(qualified(idoc, "E1EDS01", "SUMID", "010", "SUMME").orElse(null), "E1EDS01(010).SUMME");
        BigDecimal tax = decimal(qualified(idoc, "E1EDS01", "SUMID", "005", "SUMME").orElse(null), "E1EDS01(005).SUMME");
        return Totals.complete(net, tax, gross, "E1EDS01 with SUMID 010 (net invoice value) or 005 (tax total)");
    }

    private static Invoice.Payment payment(Element idoc, Element header) {
        Optional<Element> bank = child(idoc, null, "E1EDK28");
        String terms = text(header, null, "ZTERM");
        if (bank.isEmpty() && terms == null) {
            return null;
        }
        List<Invoice.Account> accounts = new ArrayList<>();
        for (Element account : children(idoc, null, "E1EDK28")) {
            accounts.add(new Invoice.Account(text(account, null, "ACNUM"), text(account, null, "ACNAM"),
                    text(account, null, "BRNUM")));
        }
        return new Invoice.Payment(null, null, null, terms, accounts, null, null);
    }
}
