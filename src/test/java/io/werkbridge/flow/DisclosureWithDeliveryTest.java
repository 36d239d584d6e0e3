package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The disclosure record is part of the delivery: when the audit append fails, the delivery is not recorded either,
 * the message is redelivered and finally dead-lettered with the reason, never acknowledged without its record; once
 * the database accepts it again, a replay delivers it and writes both rows.
 */
class DisclosureWithDeliveryTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "/api/v1/operations/dead-letters/customer-master";

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onH2TheDisclosureIdsComeFromACacheOfAThousand() {
        // db/vendor/h2 (spring.flyway.locations): with H2's default of 32, the counter's state was committed every
        // 32 disclosure records
        Long cache = jdbc.queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'DISCLOSURE' AND COLUMN_NAME = 'ID'", Long.class);
        assertThat(cache).isEqualTo(1000L);
    }

    @Test
    void aDeliveryWhoseDisclosureCannotBeRecordedIsNotAcknowledged() {
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS test_refuse_disclosure BEFORE INSERT ON disclosure FOR EACH ROW CALL \""
                + FailingDisclosureTrigger.class.getName() + "\"");
        String number = "A-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode envelope = CustomerMasterFlowTest.canonicalCustomer(number);
        String messageId = envelope.path("messageId").asText();
        FailingDisclosureTrigger.refuse(messageId);
        try {
            jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));

            // sent to both destinations, but nothing recorded: the record step is retried (not the send), then the
            // message is dead-lettered, once per destination
            await().atMost(WAIT).until(() -> deadLettered(messageId) == 2);
            assertThat(delivered(SHOP, number)).isNotEmpty();
            assertThat(rows("delivered_message", messageId)).isZero();
            assertThat(rows("disclosure", messageId)).isZero();
            JsonNode parked = api().json(api().get(DLQ + "/" + messageId, "operator"));
            assertThat(parked.toString()).contains("disclosure");
        } finally {
            FailingDisclosureTrigger.accept(messageId);
        }

        assertThat(api().post(DLQ + "/replay?messageId=" + messageId, "operator").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> rows("disclosure", messageId) == 2 && rows("delivered_message", messageId) == 2);
        assertThat(deadLettered(messageId)).isZero();
    }

    private long deadLettered(String messageId) {
        JsonNode list = api().json(api().get(DLQ, "operator"));
        long count = 0;
        for (JsonNode m : list) {
            if (messageId.equals(m.path("messageId").asText())) {
                count++;
            }
        }
        return count;
    }

    private int rows(String table, String messageId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE message_id = ?", Integer.class, messageId);
        return rows == null ? 0 : rows;
    }
}
