package io.werkbridge.connector.erp.invoice;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Invoice;
import io.werkbridge.model.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A canonical invoice read from any syntax, reconciled ({@link InvoiceReconciliation}) and made into the message that
 * goes onto the invoices flow.
 */
public final class InvoiceDocuments {

    private InvoiceDocuments() {
    }

    /**
     * @param seller what names the seller in the document (VAT id, registration or name); part of the message id
     * @throws io.werkbridge.connector.erp.InvalidErpDocumentException when the amounts break an EN 16931 rule
     */
    public static ErpDocument document(Invoice invoice, String seller) {
        InvoiceReconciliation.check(invoice);
        return new ErpDocument(ErpDocument.INVOICES, new Envelope(messageId(seller, invoice), EntityType.INVOICE,
                invoice.invoiceNumber(), Operation.UPSERT, Instant.now(), ErpDocument.SOURCE, CanonicalJson.tree(invoice)));
    }

    /**
     * The message id of an invoice follows from what identifies the document (seller, type, number, issue date), so
     * the same document read twice, from whichever syntax, gets the same id and the broker's duplicate detection keeps
     * one. A name-based UUID (version 3): the inputs are not secret and the id is not meant to hide them.
     */
    static String messageId(String seller, Invoice invoice) {
        String identity = "invoice\n" + (seller == null ? "" : seller) + "\n" + invoice.typeCode() + "\n"
                + invoice.invoiceNumber() + "\n" + invoice.issueDate();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
