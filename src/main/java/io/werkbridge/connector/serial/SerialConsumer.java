package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.FrameRejection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Turns each decoded frame into one exchange (body {@code byte[]}, headers
 * {@link SerialConstants#FRAMING} and {@link SerialConstants#PORT}), processed on the port's
 * reader thread, so frames reach the route in the order they were received. Frames refused whole (NC programs) come
 * too, with header {@link SerialConstants#REJECTED}. A failing exchange
 * goes to the consumer's exception handler; the reader carries on with the next frame.
 */
public final class SerialConsumer extends DefaultConsumer {

    private final SerialEndpoint endpoint;
    private final String framing;

    SerialConsumer(SerialEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.framing = endpoint.resolveConfig().framing().configName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.attachConsumer(this::onFrame);
        endpoint.attachRejectionHandler(this::onRejected);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.detachConsumer();
        super.doStop();
    }

    /** The endpoint's counters. */
    public SerialStatistics getStatistics() {
        return endpoint.getStatistics();
    }

    private void onFrame(byte[] frame) {
        deliver(frame, null);
    }

    /**
     * A frame the framing refused whole (NC programs) goes to the route too, with what was received and header
     * {@link SerialConstants#REJECTED} holding the reason, so the route parks it with that reason.
     */
    private void onRejected(FrameRejection rejection) {
        deliver(rejection.received(), rejection.reason());
    }

    private void deliver(byte[] frame, String rejected) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(frame);
            if (rejected != null) {
                message.setHeader(SerialConstants.REJECTED, rejected);
            }
            message.setHeader(SerialConstants.FRAMING, framing);
            message.setHeader(SerialConstants.PORT, endpoint.getPort());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing a frame from serial port " + endpoint.getPort(),
                        exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }
}
