package io.werkbridge.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;

/**
 * The first step of the routes that consume a flow queue: the message taken off the broker continues as a plain Camel
 * message with the same body and headers. The JMS message itself is not needed after that (the transaction belongs
 * to the consumer's session, not to the message), but Camel copies the exchange before every step of a route whose
 * error handler redelivers, and camel-jms 4.17 builds each copy of a JMS message by reading {@code JMSRedelivered}
 * from a JMS message it has not set yet: a NullPointerException, thrown and caught, with the stack trace of the whole
 * route filled in, for every step of every delivery.
 */
public final class PlainMessage implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message plain = new DefaultMessage(exchange);
        plain.copyFrom(exchange.getMessage());
        exchange.setMessage(plain);
    }
}
