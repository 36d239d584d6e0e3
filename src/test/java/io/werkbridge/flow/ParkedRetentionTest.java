package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.rights.RetentionService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Parked messages (which carry personal data) are removed by retention from the real broker's queues. */
class ParkedRetentionTest extends HubTestSupport {

    @Autowired
    HoldQueues parked;
    @Autowired
    RetentionService retention;
    @Autowired
    JmsTemplate jms;

    @Test
    void parkedMessagesOlderThanTheCutoffAreCountedInADryRunAndRemovedInARealOne() {
        String dlq = "werkbridge.customer-master.dlq";
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(CanonicalJson.read("{\"not\":\"canonical\"}")));
        Instant future = Instant.now().plusSeconds(60);
        await().atMost(Duration.ofSeconds(20)).until(() -> parked.purgeOlderThan(dlq, future, true) >= 1);
        int parkedNow = parked.purgeOlderThan(dlq, future, true);
        assertThat(parked.purgeOlderThan(dlq, Instant.now().minusSeconds(3600), true)).as("nothing is an hour old").isZero();
        assertThat(parked.purgeOlderThan(dlq, future, false)).isEqualTo(parkedNow);
        assertThat(parked.purgeOlderThan(dlq, future, true)).isZero();
        assertThat(retention.run(true).dryRun()).isTrue();
    }
}
