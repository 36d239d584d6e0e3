package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.werkbridge.model.CanonicalJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ERP is down (every connection reset) for longer than the whole redelivery budget (test profile: 2 redeliveries,
 * 100-500 ms apart): the orders wait for it instead of being dead-lettered, the hub does not hammer it, and when it is
 * back every order reaches it once, in order per customer.
 */
class ErpMaintenanceWindowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CUSTOMERS = 3;
    private static final int ORDERS_PER_CUSTOMER = 4;

    @Test
    void ordersWaitForTheErpAndArriveOnceInOrderPerCustomerWhenItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        StubMapping down = ERP.stubFor(ErpServiceStubs.call("createSalesOrder").atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // interleaved: customer 1's first order, customer 2's first, ... then every customer's second, and so on
        Map<String, List<String>> sent = new LinkedHashMap<>();
        List<String> messageIds = new ArrayList<>();
        for (int n = 1; n <= ORDERS_PER_CUSTOMER; n++) {
            for (int c = 1; c <= CUSTOMERS; c++) {
                String customer = "MW" + run + "C" + c;
                String orderNumber = "MW-" + run + "-C" + c + "-" + n;
                messageIds.add(order(orderNumber, customer));
                sent.computeIfAbsent(customer, k -> new ArrayList<>()).add(orderNumber);
            }
        }

        // the ERP stays down well beyond the redelivery budget: the destination waits, nothing is dead-lettered
        await().atMost(WAIT).until(() -> orderState().path("state").asText().matches("waiting|breaker-open"));
        long downSince = System.nanoTime();
        await().atMost(WAIT).pollDelay(Duration.ofSeconds(1)).until(() -> Duration.ofNanos(System.nanoTime() - downSince).toSeconds() >= 6);
        JsonNode waiting = orderState();
        assertThat(waiting.path("state").asText()).isIn("waiting", "breaker-open");
        assertThat(waiting.path("reason").asText()).isIn("I/O error SocketException", "circuit breaker open", "connection refused");
        assertThat(waiting.path("since").asText()).isNotEmpty();
        assertThat(waiting.path("nextProbe").asText()).isNotEmpty();
        assertThat(waiting.path("backlog").asLong()).as("the orders wait on the queue").isGreaterThanOrEqualTo(CUSTOMERS * ORDERS_PER_CUSTOMER - CUSTOMERS);
        assertThat(deadLettered(messageIds)).isEmpty();
        List<ServeEvent> whileDown = ourRequests(run);
        // without waiting: 12 orders x 3 attempts x 2 requests (the JDK repeats a POST once after a reset) = 72; waiting,
        // the first orders of each customer try once, then one probe at a time, at most 1 s apart
        assertThat(whileDown).as("no redelivery storm while the ERP is down").hasSizeLessThan(2 * (CUSTOMERS + 12));
        LoggerFactory.getLogger(ErpMaintenanceWindowTest.class).info("ERP down {} s: {} requests reached it for {} orders,"
                + " state {} after {} failed probes", Duration.ofNanos(System.nanoTime() - downSince).toSeconds(),
                whileDown.size(), CUSTOMERS * ORDERS_PER_CUSTOMER, waiting.path("state").asText(), waiting.path("failedProbes").asInt());
        assertThat(scrape()).containsPattern("werkbridge_destination_state\\{destination=\"erp\",flow=\"orders\"[^}]*} [12]\\.0");

        ERP.removeStub(down); // the maintenance window ends
        await().atMost(WAIT).until(() -> accepted(run, down).size() == CUSTOMERS * ORDERS_PER_CUSTOMER);
        List<String> arrived = accepted(run, down);
        assertThat(arrived).as("every order arrives once").doesNotHaveDuplicates();
        sent.forEach((customer, orders) -> assertThat(arrived.stream().filter(orders::contains).toList())
                .as("orders of %s in the order they were placed", customer).containsExactlyElementsOf(orders));
        assertThat(deadLettered(messageIds)).isEmpty();
        await().atMost(WAIT).until(() -> orderState().path("state").asText().equals("delivering"));
    }

    private String order(String orderNumber, String customer) throws Exception {
        String body = """
                {"orderNumber":"%s","customerNumber":"%s","orderedBy":{"name":"Erika Beispiel"},
                 "lines":[{"partNumber":"DMU-50-3","quantity":1}]}""".formatted(orderNumber, customer);
        var accepted = new HttpCalls(port).send("POST", "/api/v1/shop/orders", body, "shop");
        assertThat(accepted.statusCode()).isEqualTo(202);
        return CanonicalJson.read(accepted.body()).path("messageId").asText();
    }

    private JsonNode orderState() {
        JsonNode all = api().json(api().get("/api/v1/operations/destinations", "operator"));
        return StreamSupport.stream(all.spliterator(), false)
                .filter(d -> d.path("flow").asText().equals("orders") && d.path("destination").asText().equals("erp"))
                .findFirst().orElseThrow();
    }

    private List<String> deadLettered(List<String> messageIds) {
        JsonNode all = api().json(api().get("/api/v1/operations/dead-letters/orders", "operator"));
        return StreamSupport.stream(all.spliterator(), false).map(d -> d.path("messageId").asText())
                .filter(messageIds::contains).toList();
    }

    private String scrape() {
        return api().get("/actuator/prometheus", "operator").body();
    }

    /** This run's createSalesOrder requests, oldest first. */
    private static List<ServeEvent> ourRequests(String run) {
        List<ServeEvent> events = new ArrayList<>(ERP.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getBodyAsString().contains("MW-" + run + "-")).toList();
    }

    /** Order numbers of this run the ERP answered (not the reset connections of the outage), in arrival order. */
    private static List<String> accepted(String run, StubMapping down) {
        Pattern number = Pattern.compile("MW-" + run + "-C\\d-\\d");
        List<String> out = new ArrayList<>();
        for (ServeEvent e : ourRequests(run)) {
            if (e.getStubMapping() != null && down.getId().equals(e.getStubMapping().getId())) {
                continue;
            }
            Matcher m = number.matcher(e.getRequest().getBodyAsString());
            if (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }
}
