package io.werkbridge.connector.erp;

import org.apache.camel.Exchange;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * The SOAP operation CXF resolved from the message's body element (and so checked against the WSDL): the routes
 * behind a SOAP endpoint dispatch on it, never on a header a client could send.
 */
public final class SoapOperation {

    /** The operation's local name, e.g. {@code publishCustomer}. */
    public String name(Exchange exchange) {
        BindingOperationInfo operation = exchange.getProperty(BindingOperationInfo.class.getName(), BindingOperationInfo.class);
        if (operation == null) {
            throw new IllegalStateException("CXF resolved no SOAP operation for this exchange");
        }
        return operation.getName().getLocalPart();
    }
}
