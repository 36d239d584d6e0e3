package io.werkbridge.connector.erp;

import java.util.regex.Pattern;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;

/**
 * Which HTTP headers of a SOAP request reach the route: none that collides with Camel's or the hub's own headers.
 * CXF copies the request's HTTP headers into the Camel message after it set the operation it resolved, so a client
 * header {@code operationName}, {@code CamelHttpUri} or {@code WerkbridgeMessageId} would otherwise overwrite them.
 * HTTP header names are case-insensitive, and so are Camel's: the pattern is too.
 */
final class SoapEdgeHeaders extends CxfHeaderFilterStrategy {

    /** Camel's headers, the CXF operation, the hub's own headers and JMS properties. */
    static final Pattern RESERVED = Pattern.compile("(?i)(camel|operationname|operationnamespace|werkbridge|jms).*");

    SoapEdgeHeaders() {
        setInFilterPattern(RESERVED);
    }
}
