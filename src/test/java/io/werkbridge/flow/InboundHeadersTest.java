package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A producer on the broker sends a valid canonical customer to the inbound queue, with headers that pose as the hub's
 * own: a message id, parking headers and a message group. None of them travels on: the message on the destination
 * queue carries the hub's headers only, its message id from the validated body.
 */
class InboundHeadersTest extends HubTestSupport {

    private static final String SHOP_QUEUE = "werkbridge.customer-master::werkbridge.customer-master.shop";

    @Autowired
    JmsTemplate jms;
    @Autowired
    CamelContext camel;

    @Test
    void headersAProducerSetsOnAnInboundMessageDoNotTravelOn() throws Exception {
        String number = "H-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer(number);
        String messageId = envelope.path("messageId").asText();
        camel.getRouteController().stopRoute("customer-master-to-shop");
        try {
            jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope), message -> {
                message.setStringProperty("WerkbridgeMessageId", "forged-message-id");
                message.setStringProperty("WerkbridgeHeldFor", "portal");
                message.setStringProperty("WerkbridgeFailedQueue", "werkbridge.orders.erp");
                message.setStringProperty("WerkbridgeForged", "anything");
                return message;
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> waiting(number) != null);
            Message waiting = waiting(number);
            List<String> properties = Collections.list(waiting.getPropertyNames()).stream().map(Object::toString).toList();
            assertThat(properties).doesNotContain("WerkbridgeHeldFor", "WerkbridgeFailedQueue", "WerkbridgeForged");
            assertThat(waiting.getStringProperty("WerkbridgeMessageId")).isEqualTo(messageId);
        } finally {
            camel.getRouteController().startRoute("customer-master-to-shop");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(SHOP, number).size() == 1);
    }

    /** The message about this customer waiting on the shop's queue, or null. */
    private Message waiting(String number) {
        return jms.browse(SHOP_QUEUE, (session, browser) -> {
            for (Object each : Collections.list(browser.getEnumeration())) {
                Message message = (Message) each;
                if (message.getBody(String.class).contains(number)) {
                    return message;
                }
            }
            return null;
        });
    }
}
