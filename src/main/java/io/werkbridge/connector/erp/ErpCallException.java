package io.werkbridge.connector.erp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.werkbridge.messaging.DeliveryFailures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * A call to the ERP's web service failed: SOAP fault, HTTP error, timeout, connection refused or reset, or the
 * circuit breaker is open. The message names the operation and the kind of failure, never the text the ERP answered
 * (a fault string may quote personal data); the cause stays attached for the stack trace.
 */
public final class ErpCallException extends RuntimeException {

    public ErpCallException(String operation, Throwable cause) {
        super("ERP call " + operation + " failed: " + kind(cause), cause);
    }

    /** What went wrong, from the cause chain, without any text the ERP sent. */
    static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit breaker open (the ERP failed repeatedly; calls resume after the wait in open state)";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HTTPException http) {
                return "HTTP " + http.getResponseCode();
            }
            if (DeliveryFailures.htmlAnswer(t)) {
                return "an HTML page instead of a SOAP answer (a gateway's error page: the ERP is down or in maintenance)";
            }
            if (t instanceof SoapFault fault) {
                return "SOAP fault " + fault.getFaultCode().getLocalPart() + " (status " + fault.getStatusCode() + ")";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return "I/O error " + t.getClass().getSimpleName() + " (connection reset or closed)";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
