package io.werkbridge.connector.serial;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Writes the message body ({@code byte[]}, or anything Camel converts to it, such as a String in
 * the exchange charset) as one frame. Returns when the frame is on the line; with 3964R, when the
 * partner acknowledged it. Fails the exchange with {@link SerialTransmissionException} if the
 * port is not connected, the write fails or the 3964R partner never acknowledges, and with
 * {@link IllegalArgumentException} if the body cannot be framed.
 */
public final class SerialProducer extends DefaultProducer {

    private final SerialEndpoint endpoint;
    private volatile SerialConnection connection;

    SerialProducer(SerialEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.acquireConnection();
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            connection = null;
            endpoint.releaseConnection();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] payload = exchange.getMessage().getMandatoryBody(byte[].class);
        SerialConnection open = connection;
        if (open == null) {
            throw new IllegalStateException("serial producer for " + endpoint.getPort() + " is not started");
        }
        open.send(payload);
    }
}
