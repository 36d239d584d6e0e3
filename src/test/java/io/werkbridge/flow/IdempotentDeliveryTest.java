package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Idempotent delivery on the running hub: a message that comes off a destination queue a second time (as the broker
 * redelivers it after a rollback or crash) is not sent again; a message published twice with the same id is kept
 * once by the broker's duplicate detection.
 */
class IdempotentDeliveryTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void messageRedeliveredAfterItsDeliveryIsNotSentAgain() {
        String number = "I-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer(number);
        String messageId = envelope.path("messageId").asText();
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).until(() -> ledgerRows(messageId) == 2);
        double skippedBefore = duplicates("shop");

        // the broker hands the same message to the shop route again
        sendToQueue("werkbridge.customer-master::werkbridge.customer-master.shop", envelope, messageId, number);

        await().atMost(WAIT).until(() -> duplicates("shop") == skippedBefore + 1);
        assertThat(delivered(SHOP, number)).hasSize(1);
        assertThat(delivered(PORTAL, number)).hasSize(1);
        assertThat(ledgerRows(messageId)).isEqualTo(2);
        assertThat(queueEmpty("werkbridge.customer-master::werkbridge.customer-master.shop")).isTrue();
    }

    @Test
    void theSameMessagePublishedTwiceIsKeptOnceByTheBroker() {
        String number = "P-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer(number);
        String messageId = envelope.path("messageId").asText();
        double skippedBefore = duplicates("shop") + duplicates("portal");

        // in the customer's message group, as producers on an inbound queue send: the copies are forwarded one after
        // the other (two consumers publishing them at once would both pass the broker's check before either commits;
        // the ledger then keeps the destinations at one delivery each)
        for (int copy = 0; copy < 2; copy++) {
            jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope), message -> {
                message.setStringProperty("JMSXGroupID", number);
                return message;
            });
        }

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).until(() -> queueEmpty("werkbridge.customer-master.inbound"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1);
        assertThat(delivered(PORTAL, number)).hasSize(1);
        // the second copy never reached a destination queue: the broker dropped its publication
        assertThat(duplicates("shop") + duplicates("portal")).isEqualTo(skippedBefore);
        assertThat(ledgerRows(messageId)).isEqualTo(2);
    }

    private void sendToQueue(String fqqn, ObjectNode envelope, String messageId, String group) {
        jms.execute((Session session) -> {
            try (MessageProducer producer = session.createProducer(session.createTopic(fqqn))) {
                Message message = session.createTextMessage(CanonicalJson.write(envelope));
                message.setStringProperty("WerkbridgeMessageId", messageId);
                message.setStringProperty("JMSXGroupID", group);
                producer.send(message);
            }
            return null;
        });
    }

    private boolean queueEmpty(String queue) {
        Boolean empty = jms.browse(queue, (session, browser) -> !browser.getEnumeration().hasMoreElements());
        return Boolean.TRUE.equals(empty);
    }

    private int ledgerRows(String messageId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = ? AND flow = 'customer-master'",
                Integer.class, messageId);
        return rows == null ? 0 : rows;
    }

    private double duplicates(String destination) {
        var counter = meters.find("werkbridge.messages.duplicates").tags("flow", "customer-master", "destination", destination).counter();
        return counter == null ? 0 : counter.count();
    }

}
