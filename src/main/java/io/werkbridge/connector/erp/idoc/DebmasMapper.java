package io.werkbridge.connector.erp.idoc;

import static io.werkbridge.connector.erp.xml.Elements.child;
import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.requiredText;
import static io.werkbridge.connector.erp.xml.Elements.text;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.Customer;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.time.Instant;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * DEBMAS (customer master) to a canonical customer: E1KNA1M (general data), its E1KNVKM contact persons, E1KNBKM bank
 * details and E1KNB1M company-code data. A deletion flag (LOEVM = X) or MSGFN 003 becomes a delete. Mapping table
 * in docs/erp.md. Whether the customer is a natural person (a sole trader) comes from STKZN, ANRED and KTOKD
 * ({@link SapPartyKinds}).
 */
final class DebmasMapper {

    private DebmasMapper() {
    }

    static ErpDocument map(Element idoc, Instant occurredAt, SapPartyKinds partyKinds) {
        Element kna1 = required(idoc, null, "E1KNA1M", "segment E1KNA1M (customer general data)");
        String number = IdocReader.number(requiredText(kna1, null, "KUNNR", "element E1KNA1M.KUNNR (customer number)"));
        if ("X".equals(text(kna1, null, "LOEVM")) || "003".equals(text(kna1, null, "MSGFN"))) {
            return document(number, Operation.DELETE, occurredAt, CanonicalJson.tree(Map.of("customerNumber", number)));
        }
        String name = IdocReader.joined(requiredText(kna1, null, "NAME1", "element E1KNA1M.NAME1 (company name)"),
                text(kna1, null, "NAME2"));
        Customer customer = new Customer(number,
                new Customer.Company(partyKinds.customer(text(kna1, null, "STKZN"), text(kna1, null, "ANRED"),
                        text(kna1, null, "KTOKD")), name, text(kna1, null, "STCEG"), IdocReader.address(kna1)),
                children(kna1, null, "E1KNVKM").stream().map(DebmasMapper::contact).toList(),
                children(kna1, null, "E1KNBKM").stream().map(DebmasMapper::bankAccount).toList(),
                child(kna1, null, "E1KNB1M").map(b1 -> text(b1, null, "ZTERM")).orElse(null),
                null, null);
        return document(number, Operation.UPSERT, occurredAt, CanonicalJson.tree(customer));
    }

    private static ErpDocument document(String number, Operation operation, Instant occurredAt,
                                        com.fasterxml.jackson.databind.JsonNode body) {
        return new ErpDocument(ErpDocument.CUSTOMER_MASTER,
                Envelope.create(EntityType.CUSTOMER, number, operation, occurredAt, ErpDocument.SOURCE, body));
    }

    private static Customer.Contact contact(Element knvk) {
        String id = IdocReader.number(requiredText(knvk, null, "PARNR", "element E1KNVKM.PARNR (contact person number)"));
        return new Customer.Contact(id, text(knvk, null, "TITEL_AP"), text(knvk, null, "NAMEV"),
                text(knvk, null, "NAME1"), text(knvk, null, "SMTP_ADDR"), text(knvk, null, "TELF1"),
                text(knvk, null, "PAFKT"), null, null);
    }

    private static Customer.BankAccount bankAccount(Element knbk) {
        return new Customer.BankAccount(text(knbk, null, "IBAN"), text(knbk, null, "SWIFT"), text(knbk, null, "KOINH"));
    }
}
