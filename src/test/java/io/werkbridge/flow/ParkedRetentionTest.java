package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.messaging.ExpiredParkings;
import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.privacy.vault.Pseudonymizer;
import io.werkbridge.rights.CustomerContracts;
import io.werkbridge.rights.MutableClock;
import io.werkbridge.rights.RetentionProperties;
import io.werkbridge.rights.RetentionService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing held is lost: a held message older than the retention age stays on the real broker through a retention
 * run, is flagged as expired (listing and gauge), and leaves only by a recorded decision of a named operator or DPO.
 */
class ParkedRetentionTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOLDS = "/api/v1/holds/customer-master/shop";
    private static final String HOLD_QUEUE = "werkbridge.customer-master.shop.hold";

    @Autowired
    HoldQueues holds;
    @Autowired
    ExpiredParkings parkings;
    @Autowired
    JdbcSubjectRestrictions restrictions;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    Pseudonymizer vault;
    @Autowired
    CustomerContracts contracts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;


    @Test
    void anExpiredHeldMessageSurvivesRetentionIsListedAndLeavesOnlyByARecordedDecision() throws Exception {
        HttpCalls http = new HttpCalls(port);
        String kept = hold("R-");
        String dropped = hold("D-");

        // 31 days later, with parked messages flagged after 30 days; the other periods so long that nothing else goes
        MutableClock later = new MutableClock(Instant.now().plus(Duration.ofDays(31)));
        RetentionService retention = new RetentionService(
                new RetentionProperties(Period.ofYears(100), Period.ofDays(30), Period.ofYears(100), Period.ofYears(100), false),
                disclosures, vault, contracts, parkings::olderThan, jdbc, later);
        RetentionService.Report report = retention.run(false);

        assertThat(heldIds()).as("retention deleted nothing held").contains(kept, dropped);
        assertThat(report.expiredParkings().get(HOLD_QUEUE)).isGreaterThanOrEqualTo(2);
        List<ExpiredParkings.Expired> expired = retention.expiredParkings();
        assertThat(expired).filteredOn(e -> e.messageId().equals(kept)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("hold");
            assertThat(e.flow()).isEqualTo("customer-master");
            assertThat(e.destination()).isEqualTo("shop");
            assertThat(e.reason()).contains("restriction");
            assertThat(e.parkedAt()).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(meters.get("werkbridge.parked.expired").tag("queue", HOLD_QUEUE).tag("kind", "hold").gauge().value())
                .isGreaterThanOrEqualTo(2.0);
        // at the hub's real time nothing is 30 days old: the operator's listing does not flag these
        HttpResponse<String> listing = http.send("GET", "/api/v1/operations/parked/expired", null, "operator");
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).doesNotContain(kept).doesNotContain(dropped);

        // a discard needs a reason: refused without one, and the message stays
        HttpResponse<String> noReason = http.send("POST", HOLDS + "/discard?messageId=" + dropped, null, "dpo");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("needs a reason");
        assertThat(heldIds()).contains(dropped);
        HttpResponse<String> discarded = http.send("POST", HOLDS + "/discard?messageId=" + dropped
                + "&reason=customer%20erased%2C%20ticket%204711", null, "dpo");
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(heldIds()).doesNotContain(dropped);
        JsonNode discard = decisions(http, dropped);
        assertThat(discard).hasSize(1);
        assertThat(discard.get(0).path("action").asText()).isEqualTo("discard");
        assertThat(discard.get(0).path("decidedBy").asText()).isEqualTo("dpo");
        assertThat(discard.get(0).path("reason").asText()).isEqualTo("customer erased, ticket 4711");
        assertThat(discard.get(0).path("queue").asText()).isEqualTo(HOLD_QUEUE);

        // released by a named operator once the restriction is lifted: delivered, and the decision kept
        String number = customerOf(kept);
        restrictions.lift(number, "online-shop", Kind.RESTRICTION);
        HttpResponse<String> released = http.send("POST", HOLDS + "/release?messageId=" + kept + "&reason=restriction%20lifted", null, "operator");
        assertThat(released.body()).contains("\"released\":1");
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1);
        JsonNode release = decisions(http, kept);
        assertThat(release).hasSize(1);
        assertThat(release.get(0).path("action").asText()).isEqualTo("release");
        assertThat(release.get(0).path("decidedBy").asText()).isEqualTo("operator");
        assertThat(release.get(0).path("reason").asText()).isEqualTo("restriction lifted");
        assertThat(retention.expiredParkings()).extracting(ExpiredParkings.Expired::messageId).doesNotContain(kept, dropped);
    }

    private final java.util.Map<String, String> customers = new java.util.HashMap<>();

    /** A customer restricted for the shop's purpose, published: held for the shop. Returns the held message id. */
    private String hold(String prefix) throws Exception {
        String number = prefix + System.nanoTime() % 1_000_000;
        restrictions.add(number, "online-shop", Kind.RESTRICTION);
        List<String> before = heldIds();
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "r@example.com", "x"));
        await().atMost(WAIT).until(() -> heldIds().size() > before.size());
        String id = heldIds().stream().filter(m -> !before.contains(m)).findFirst().orElseThrow();
        customers.put(id, number);
        return id;
    }

    private String customerOf(String messageId) {
        return customers.get(messageId);
    }

    private List<String> heldIds() {
        return holds.list("customer-master", "shop").stream().map(HoldQueues.Held::messageId).toList();
    }

    private static JsonNode decisions(HttpCalls http, String messageId) throws Exception {
        HttpResponse<String> response = http.send("GET", "/api/v1/operations/parked/decisions/" + messageId, null, "operator");
        assertThat(response.statusCode()).isEqualTo(200);
        return CanonicalJson.read(response.body());
    }
}
