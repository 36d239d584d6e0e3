package io.werkbridge.connector.erp;

/**
 * An ERP document (IDoc XML, UBL invoice) that cannot become a canonical message: not XML, a DTD, an unsupported
 * type, a missing mandatory segment or element, a value of the wrong shape, too large. The message names the rule
 * and the segment or element, never a value (it may be personal). The same input fails the same way: not retried.
 * An {@link IllegalArgumentException}, so the HTTP API answers it with 400 problem+json.
 */
public final class InvalidErpDocumentException extends IllegalArgumentException {

    public InvalidErpDocumentException(String message) {
        super(message);
    }
}
