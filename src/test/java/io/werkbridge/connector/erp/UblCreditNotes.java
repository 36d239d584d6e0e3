package io.werkbridge.connector.erp;

/** UBL 2.1 CreditNotes for the tests, made from the test invoice {@code erp/ubl-invoice.xml}. */
public final class UblCreditNotes {

    private UblCreditNotes() {
    }

    /** The CreditNote GS-2026-0042 crediting the test invoice: its own root, type code, line and quantity names, due date place. */
    public static String of(String testInvoice) {
        return testInvoice
                .replace("ubl:Invoice xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
                        "ubl:CreditNote xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"")
                .replace("</ubl:Invoice>", "</ubl:CreditNote>")
                .replace("<cbc:ID>RE-2026-0815</cbc:ID>", "<cbc:ID>GS-2026-0042</cbc:ID>")
                .replace("<cbc:DueDate>2026-12-22</cbc:DueDate>\n", "")
                .replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"
                        + "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>RE-2026-0815</cbc:ID>"
                        + "<cbc:IssueDate>2026-11-22</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>")
                .replace("<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>",
                        "<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-12-01</cbc:PaymentDueDate>")
                .replace("InvoiceLine>", "CreditNoteLine>")
                .replace("InvoicedQuantity", "CreditedQuantity");
    }
}
