package io.werkbridge.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

/**
 * Prepares a gated message for HTTP delivery: every inbound header is removed (so nothing the gate did not see
 * leaves in a header), then only the content type, the method and an idempotency key are set.
 */
@Component("httpDelivery")
public final class HttpDelivery implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String messageId = message.getHeader(HubHeaders.MESSAGE_ID, String.class);
        message.removeHeaders("*");
        // the enum the HTTP producer reads: as text, every delivery paid a type-converter search for it
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (messageId != null) {
            message.setHeader("Idempotency-Key", messageId);
        }
    }
}
