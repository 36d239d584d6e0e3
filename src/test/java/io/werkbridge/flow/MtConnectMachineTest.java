package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.werkbridge.connector.mtconnect.AgentDocuments.devices;
import static io.werkbridge.connector.mtconnect.AgentDocuments.event;
import static io.werkbridge.connector.mtconnect.AgentDocuments.streams;
import static io.werkbridge.connector.mtconnect.AgentDocuments.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A machine behind an MTConnect agent (WireMock): the hub polls /current, then /sample from the next sequence; the
 * observations reach the WireMock portal and ERP as machine events and the position is kept in the database.
 */
class MtConnectMachineTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE = "T-MTC-1";
    private static final WireMockServer AGENT = MachinePeers.MTCONNECT_AGENT;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void observationsReachPortalAndErpAndThePositionIsStored() {
        String instance = String.valueOf(System.nanoTime());
        String run = UUID.randomUUID().toString().substring(0, 8);
        // whatever position an earlier test left: this agent is a new instance, so the hub starts from /current
        stub(urlPathEqualTo("/LT250/probe"), devices(instance, "exec", "partcount", "system", "operator"));
        stub(urlPathEqualTo("/LT250/sample"), streams(instance, 1, 4, 3));
        stub(urlPathEqualTo("/LT250/current"), streams(instance, 1, 4, 3,
                event("User", "operator", 1, "W-77"),
                event("Execution", "exec", 2, "ACTIVE-" + run),
                event("PartCount", "partcount", 3, "41")));

        JsonNode active = awaitEvent(PORTAL, "execution", "ACTIVE-" + run);
        assertThat(active.path("body").path("kind").asText()).isEqualTo("status");
        assertThat(active.path("body").path("timestamp").asText()).isEqualTo(time(2));
        assertThat(active.path("body").path("machineType").asText()).isEqualTo("LT 250 lathe");
        assertThat(active.path("body").path("origin").path("protocol").asText()).isEqualTo("mtconnect");
        assertThat(active.path("body").path("origin").path("endpoint").asText()).isEqualTo(AGENT.baseUrl());
        assertThat(active.path("body").path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        JsonNode counter = awaitEvent(PORTAL, "partCount", "41");
        assertThat(counter.path("body").path("kind").asText()).isEqualTo("counter");
        assertThat(counter.path("body").path("values").toString()).isEqualTo("{\"partCount\":41}");
        await().atMost(WAIT).until(() -> position().equals(Optional.of(Map.of("instance", instance, "next", 4L))));

        stub(urlPathEqualTo("/LT250/sample"), streams(instance, 1, 6, 5));
        AGENT.stubFor(get(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo("4")).atPriority(1)
                .willReturn(xml(streams(instance, 1, 6, 5,
                        event("Execution", "exec", 4, "STOPPED-" + run),
                        "</Events><Condition><Fault dataItemId=\"system\" timestamp=\"" + time(5) + "\" sequence=\"5\""
                                + " type=\"SYSTEM\" nativeCode=\"E-" + run + "\">Spindle overload</Fault></Condition><Events>"))));

        JsonNode stopped = awaitEvent(PORTAL, "execution", "STOPPED-" + run);
        assertThat(stopped.path("body").path("operator").path("id").asText()).isEqualTo(active.path("body").path("operator").path("id").asText());
        JsonNode alarm = awaitMachineEvent(PORTAL, MACHINE, "system", v -> ("E-" + run).equals(v.path("system").path("nativeCode").asText()));
        assertThat(alarm.path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(alarm.path("body").path("values").path("system").toString())
                .isEqualTo("{\"level\":\"fault\",\"nativeCode\":\"E-" + run + "\",\"text\":\"Spindle overload\"}");
        await().atMost(WAIT).until(() -> position().equals(Optional.of(Map.of("instance", instance, "next", 6L))));

        JsonNode erpStopped = awaitEvent(ERP, "execution", "STOPPED-" + run);
        assertThat(erpStopped.path("body").path("kind").asText()).isEqualTo("status");
        assertThat(erpStopped.path("body").path("operator").isEmpty()).isTrue();
        assertThat(awaitMachineEvent(ERP, MACHINE, "system", v -> ("E-" + run).equals(v.path("system").path("nativeCode").asText()))
                .path("body").path("kind").asText()).isEqualTo("alarm");
        assertThat(machineEvents(PORTAL, MACHINE).stream()
                .filter(e -> ("STOPPED-" + run).equals(e.path("body").path("values").path("execution").asText())))
                .as("each observation once").hasSize(1);
    }

    private static void stub(com.github.tomakehurst.wiremock.matching.UrlPathPattern path, String body) {
        AGENT.stubFor(get(path).atPriority(5).willReturn(xml(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
    }

    private Optional<Map<String, Object>> position() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT instance_id, next_sequence FROM mtconnect_state WHERE machine_id = 'test-lathe-mtconnect'");
        return rows.stream().findFirst().map(r -> Map.of("instance", r.get("INSTANCE_ID"), "next", ((Number) r.get("NEXT_SEQUENCE")).longValue()));
    }

    private static JsonNode awaitEvent(WireMockServer server, String value, String expected) {
        return awaitMachineEvent(server, MACHINE, value, expected);
    }

}
