package io.werkbridge.connector.erp.idoc;

import static io.werkbridge.connector.erp.xml.Elements.child;
import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import io.werkbridge.model.PartyKind;
import java.time.Instant;
import org.w3c.dom.Element;

/**
 * DEBMAS (customer master, basic types DEBMAS01..09 and reduced message types of them) to a canonical customer:
 * E1KNA1M (general data), its E1KNVKM contact persons, E1KNBKM bank details and E1KNB1M company-code data.
 *
 * <p>SAP sends what it has: an optional segment or field it leaves out stays out of the canonical message (no nulls,
 * no empty address), and a field of a reduced message type that the reduction did not select arrives as {@code /}
 * (SAP's "no data" sign), which counts as absent. A deletion flag (LOEVM = X) or MSGFN 003 becomes a delete; a change
 * (MSGFN 004, as change pointers send it, or a reduced message type other than an original, MSGFN 009) becomes a patch
 * that carries only the delivered fields, so the company name is mandatory for an upsert only. Whether the customer is
 * a natural person (a sole trader) comes from STKZN, ANRED and KTOKD ({@link SapPartyKinds}); a patch that carries
 * none of them says nothing, and the gate treats its party as unknown. Mapping table in docs/erp.md.
 */
final class DebmasMapper {

    /** SAP's "no data" sign: a field of a reduced IDoc that the reduction did not select. */
    static final String NO_DATA = "/";
    private static final String FULL_MESSAGE_TYPE = "DEBMAS";
    private static final String MSGFN_DELETE = "003";
    private static final String MSGFN_CHANGE = "004";
    private static final String MSGFN_ORIGINAL = "009";

    private DebmasMapper() {
    }

    /**
     * @param messageType EDI_DC40.MESTYP ({@code DEBMAS}, or a reduced type such as {@code ZDEBMAS}); null if absent
     * @param partyKinds  what the customer's form of address, natural-person flag and account group say it is
     */
    static ErpDocument map(Element idoc, Instant occurredAt, String messageType, SapPartyKinds partyKinds) {
        Element kna1 = required(idoc, null, "E1KNA1M", "segment E1KNA1M (customer general data)");
        String kunnr = value(kna1, "KUNNR");
        if (kunnr == null) {
            throw new InvalidErpDocumentException("mandatory element E1KNA1M.KUNNR (customer number) is missing or empty");
        }
        String number = IdocReader.number(kunnr);
        String msgfn = value(kna1, "MSGFN");
        if ("X".equals(value(kna1, "LOEVM")) || MSGFN_DELETE.equals(msgfn)) {
            ObjectNode key = CanonicalJson.mapper().createObjectNode().put("customerNumber", number);
            return document(number, Operation.DELETE, occurredAt, key);
        }
        boolean reduced = messageType != null && !FULL_MESSAGE_TYPE.equals(messageType);
        Operation operation = MSGFN_CHANGE.equals(msgfn) || reduced && !MSGFN_ORIGINAL.equals(msgfn)
                ? Operation.PATCH : Operation.UPSERT;
        boolean patch = operation == Operation.PATCH;

        ObjectNode customer = CanonicalJson.mapper().createObjectNode().put("customerNumber", number);
        ObjectNode company = CanonicalJson.mapper().createObjectNode();
        String name = IdocReader.joined(value(kna1, "NAME1"), value(kna1, "NAME2"));
        if (name == null && !patch) {
            throw new InvalidErpDocumentException("mandatory element E1KNA1M.NAME1 (company name) is missing or empty;"
                    + " it may be left out only in a change (MSGFN 004)");
        }
        PartyKind kind = partyKinds.customer(value(kna1, "STKZN"), value(kna1, "ANRED"), value(kna1, "KTOKD"));
        if (!patch || kind != PartyKind.UNKNOWN) {
            company.put("kind", kind.json());
        }
        put(company, "name", name);
        put(company, "vatId", value(kna1, "STCEG"));
        put(company, "phone", value(kna1, "TELF1"));
        ObjectNode address = address(kna1);
        if (!address.isEmpty()) {
            company.set("address", address);
        }
        if (!company.isEmpty()) {
            customer.set("company", company);
        }
        ArrayNode contacts = customer.putArray("contacts");
        // a segment SAP marks as deleted (MSGFN 003) is not a contact or account of the customer any more
        children(kna1, null, "E1KNVKM").stream().filter(DebmasMapper::kept).forEach(knvk -> contacts.add(contact(knvk)));
        ArrayNode banks = customer.putArray("bankAccounts");
        children(kna1, null, "E1KNBKM").stream().filter(DebmasMapper::kept).map(DebmasMapper::bankAccount)
                .filter(b -> !b.isEmpty()).forEach(banks::add);
        // a patch says nothing about the lists it does not carry; an upsert's empty list means "none"
        if (patch && contacts.isEmpty()) {
            customer.remove("contacts");
        }
        if (patch && banks.isEmpty()) {
            customer.remove("bankAccounts");
        }
        put(customer, "paymentTerms", child(kna1, null, "E1KNB1M").map(b1 -> value(b1, "ZTERM")).orElse(null));
        return document(number, operation, occurredAt, customer);
    }

    private static boolean kept(Element segment) {
        return !MSGFN_DELETE.equals(value(segment, "MSGFN"));
    }

    private static ErpDocument document(String number, Operation operation, Instant occurredAt, ObjectNode body) {
        return new ErpDocument(ErpDocument.CUSTOMER_MASTER,
                Envelope.create(EntityType.CUSTOMER, number, operation, occurredAt, ErpDocument.SOURCE, body));
    }

    private static ObjectNode contact(Element knvk) {
        String parnr = value(knvk, "PARNR");
        if (parnr == null) {
            throw new InvalidErpDocumentException("mandatory element E1KNVKM.PARNR (contact person number) is missing or empty");
        }
        ObjectNode contact = CanonicalJson.mapper().createObjectNode().put("id", IdocReader.number(parnr));
        put(contact, "title", value(knvk, "TITEL_AP"));
        put(contact, "firstName", value(knvk, "NAMEV"));
        put(contact, "lastName", value(knvk, "NAME1"));
        put(contact, "email", value(knvk, "SMTP_ADDR"));
        put(contact, "phone", value(knvk, "TELF1"));
        put(contact, "function", value(knvk, "PAFKT"));
        return contact;
    }

    private static ObjectNode bankAccount(Element knbk) {
        ObjectNode bank = CanonicalJson.mapper().createObjectNode();
        put(bank, "iban", value(knbk, "IBAN"));
        put(bank, "bic", value(knbk, "SWIFT"));
        put(bank, "holder", value(knbk, "KOINH"));
        return bank;
    }

    /** Street, postal code, city, country: only those the segment gives. */
    private static ObjectNode address(Element segment) {
        ObjectNode address = CanonicalJson.mapper().createObjectNode();
        put(address, "street", value(segment, "STRAS"));
        put(address, "postalCode", value(segment, "PSTLZ"));
        put(address, "city", value(segment, "ORT01"));
        put(address, "country", value(segment, "LAND1"));
        return address;
    }

    /** A field's text; null when it is absent, empty or SAP's "no data" sign. */
    static String value(Element segment, String name) {
        String text = text(segment, null, name);
        return text == null || NO_DATA.equals(text) ? null : text;
    }

    private static void put(ObjectNode target, String name, String value) {
        if (value != null) {
            target.put(name, value);
        }
    }
}
