package io.werkbridge.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

/**
 * The headers a gated message leaves with: every header it came with is removed (so nothing the gate did not see
 * leaves in one), then only the HTTP method, the content type and the idempotency key are set; the destination's
 * credentials are the route's next step ({@code destinationCredentials}). Connectors that do not
 * speak HTTP (the ERP's SOAP calls, the shop's admin API) set their own on top.
 */
@Component("outboundHeaders")
public final class OutboundHeaders implements Processor {

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
