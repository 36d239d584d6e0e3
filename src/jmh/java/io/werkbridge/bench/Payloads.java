package io.werkbridge.bench;

import io.werkbridge.flow.SoapRequests;
import java.time.Instant;

/** The synthetic customer updates of the load run: the same customer as SOAP request (hub) and canonical JSON (baseline). */
final class Payloads {

    private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");

    private Payloads() {
    }

    static String customer(int index) {
        return String.format("L-%05d", index);
    }

    static String soap(int customerIndex, int sequence) {
        return SoapRequests.publishCustomer(customer(customerIndex), BASE.plusSeconds(sequence).toString(),
                "load." + customerIndex + "@example.com", "Lastlauf " + sequence);
    }

    /** The canonical message the hub publishes for {@link #soap}, as the baseline's producer sends it. */
    static String canonical(String messageId, int customerIndex, int sequence) {
        String number = customer(customerIndex);
        return """
                {"messageId":"%s","type":"customer","key":"%s","operation":"upsert","occurredAt":"%s","source":"erp",\
                "body":{"customerNumber":"%s","company":{"name":"Beispiel Maschinenbau GmbH","vatId":"DE123456789",\
                "address":{"street":"Industriestr. 5","postalCode":"33602","city":"Bielefeld","country":"DE"}},\
                "contacts":[{"id":"K-17","title":"Dr.","firstName":"Erika","lastName":"Musterfrau",\
                "email":"load.%d@example.com","phone":"+49 521 5550 1234","function":"Einkaufsleitung",\
                "representationAuthority":true,"businessAddress":null}],\
                "bankAccounts":[{"iban":"DE89370400440532013000","bic":"COBADEFFXXX","holder":"Beispiel Maschinenbau GmbH"}],\
                "paymentTerms":"30 Tage netto","contract":{"number":"SV-2026-001","start":"2026-01-01","end":"2027-12-31"},\
                "remarks":"Lastlauf %d"}}""".formatted(messageId, number, BASE.plusSeconds(sequence), number, customerIndex, sequence);
    }
}
