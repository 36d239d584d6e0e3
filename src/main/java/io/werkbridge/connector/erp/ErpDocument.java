package io.werkbridge.connector.erp;

import io.werkbridge.model.Envelope;

/** A canonical message read from an ERP document, with the flow it is published on. */
public record ErpDocument(String flow, Envelope envelope) {

    public static final String CUSTOMER_MASTER = "customer-master";
    public static final String INVOICES = "invoices";
    public static final String SOURCE = "erp";
}
