package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FlowPublishingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FlowPublishing publishing = new FlowPublishing(new FlowMetrics(meters), key -> "hash-of-" + key);

    @Test
    void onlyTheHubsOwnHeadersReachTheBroker() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        var message = exchange.getMessage();
        message.setHeader("Authorization", "Basic ZXJwOnN5bnRoZXRpYw==");
        message.setHeader("host", "127.0.0.1:8080");
        message.setHeader("User-Agent", "Java-http-client/17");
        message.setHeader("CamelFileName", "invoice-100234.xml");
        message.setHeader("operationName", "publishCustomer");
        message.setHeader("WerkbridgeMessageId", "0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d");
        message.setHeader("JMSXGroupID", "100234");

        publishing.prepare(exchange, "customer-master");

        assertThat(message.getHeaders()).containsOnlyKeys("WerkbridgeMessageId", "JMSXGroupID", FlowPublishing.DUPLICATE_ID);
        assertThat(message.getHeader("JMSXGroupID")).isEqualTo("hash-of-100234");
        assertThat(message.getHeader(FlowPublishing.DUPLICATE_ID)).isEqualTo("0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d");
        assertThat(meters.find("werkbridge.messages.received").tags("flow", "customer-master").counter().count()).isEqualTo(1);
    }
}
