package io.werkbridge.connector.serial;

import java.util.Map;
import java.util.Objects;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code serial:} component. Registered through
 * {@code META-INF/services/org/apache/camel/component/serial}, so it resolves in any Camel
 * context without Spring. URI: {@code serial:<port path>?framing=line&baudRate=9600&...}; see
 * {@link SerialEndpoint} and {@code docs/serial.md}.
 */
public final class SerialComponent extends DefaultComponent {

    private SerialLinkFactory linkFactory = JSerialCommLink::new;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("serial endpoint needs a port path, e.g. serial:/dev/ttyUSB0?framing=line");
        }
        SerialEndpoint endpoint = new SerialEndpoint(uri, this, remaining, linkFactory);
        setProperties(endpoint, parameters);
        endpoint.resolveConfig();
        return endpoint;
    }

    /** How ports are opened; jSerialComm unless replaced (tests use an in-memory link). */
    public SerialLinkFactory getLinkFactory() {
        return linkFactory;
    }

    public void setLinkFactory(SerialLinkFactory linkFactory) {
        this.linkFactory = Objects.requireNonNull(linkFactory, "linkFactory");
    }
}
