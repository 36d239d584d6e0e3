package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsBinding;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class PlainMessageTest {

    @Test
    void theReceivedMessageContinuesAsAPlainMessageWithItsBodyAndHeaders() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            JmsMessage received = new JmsMessage(exchange, null, null, new JmsBinding());
            received.setBody("{\"messageId\":\"m-1\"}");
            received.setHeader(HubHeaders.MESSAGE_ID, "m-1");
            received.setHeader("JMSTimestamp", 1_765_000_000_000L);
            exchange.setMessage(received);

            new PlainMessage().process(exchange);

            assertThat(exchange.getMessage()).isNotInstanceOf(JmsMessage.class);
            assertThat(exchange.getMessage().getBody()).isEqualTo("{\"messageId\":\"m-1\"}");
            assertThat(exchange.getMessage().getHeader(HubHeaders.MESSAGE_ID, String.class)).isEqualTo("m-1");
            // what the error handler copies before each step keeps body and headers, as a plain message
            Exchange copy = exchange.copy();
            assertThat(copy.getMessage()).isNotInstanceOf(JmsMessage.class);
            assertThat(copy.getMessage().getHeader("JMSTimestamp", Long.class)).isEqualTo(1_765_000_000_000L);
            assertThat(copy.getMessage().getBody(String.class)).isEqualTo("{\"messageId\":\"m-1\"}");
        }
    }
}
