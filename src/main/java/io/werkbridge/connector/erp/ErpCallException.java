package io.werkbridge.connector.erp;

/**
 * A call to the ERP's web service failed: SOAP fault, HTTP error, timeout, connection reset, or the circuit breaker
 * is open. The message names the operation and the kind of failure, never what the ERP answered (it may quote
 * personal data); the cause keeps the details for the stack trace.
 */
public final class ErpCallException extends RuntimeException {

    public ErpCallException(String operation, Throwable cause) {
        super("ERP call " + operation + " failed: " + cause.getClass().getSimpleName(), cause);
    }
}
