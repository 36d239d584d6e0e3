package io.werkbridge.machine.mtconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.werkbridge.connector.mtconnect.AgentDocuments.devices;
import static io.werkbridge.connector.mtconnect.AgentDocuments.error;
import static io.werkbridge.connector.mtconnect.AgentDocuments.event;
import static io.werkbridge.connector.mtconnect.AgentDocuments.streams;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.connector.mtconnect.MtConnectAgent;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.model.Envelope;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The MTConnect poller against WireMock playing the agent, with its position in a real database (H2 with the
 * hub's Flyway migrations). A "restart" is a new poller on the same database, with nothing else carried over.
 */
class MtConnectPollingTest {

    private static final WireMockServer AGENT = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String MACHINE = "lathe";
    /** The same device, with its identity from /probe mapped to a commissioning event. */
    private static final String IDENTIFIED = "lathe-identity";

    private JdbcTemplate jdbc;
    private MachineRegistry machines;
    private MachineStatusBoard status;
    private MtConnectPolling polling;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final CanonicalValidator validator = new CanonicalValidator();

    static {
        AGENT.start();
    }

    @AfterAll
    static void stopAgent() {
        AGENT.stop();
    }

    @BeforeEach
    void freshDatabaseAndPoller() {
        AGENT.resetAll();
        AGENT.stubFor(get(urlPathEqualTo("/LT250/probe"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(devices("A", "exec", "pc", "operator"))));
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:mtc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
        machines = new MachineRegistry(List.of(new MachineFileReader().read("lathe.yml", """
                {id: lathe, machineNumber: "L-1", machineType: "LT 250", customerNumber: "100234", protocol: mtconnect,
                 connection: {agent: "%s", device: LT250, count: 100},
                 mapping: [{source: exec, kind: status, value: execution},
                           {source: pc, kind: counter, value: partCount, type: integer},
                           {source: operator, field: operator.id}]}
                """.formatted(AGENT.baseUrl())), new MachineFileReader().read("lathe-identity.yml", """
                {id: lathe-identity, machineNumber: "L-2", machineType: "LT 250", customerNumber: "100234", protocol: mtconnect,
                 connection: {agent: "%s", device: LT250, count: 100},
                 mapping: [{source: exec, kind: status, value: execution},
                           {source: device.serialNumber, kind: commissioning, value: serialNumber},
                           {source: device.model, kind: commissioning, value: model},
                           {source: operator, field: operator.id}]}
                """.formatted(AGENT.baseUrl()))));
        polling = restart();
        Logger logger = (Logger) LoggerFactory.getLogger(MtConnectPolling.class);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(MtConnectPolling.class)).detachAppender(log);
    }

    /** A new poller on the same database: what a hub restart leaves. */
    private MtConnectPolling restart() {
        status = new MachineStatusBoard(Clock.systemUTC());
        MachineEvents events = new MachineEvents(machines, status, Clock.systemUTC());
        return new MtConnectPolling(machines, events, status, new MtConnectAgent(HttpClient.newHttpClient()),
                new MtConnectStateStore(jdbc, Clock.systemUTC()));
    }

    @Test
    void firstReadsCurrentThenSamplesFromTheNextSequence() {
        stubCurrent(streams("A", 1, 4, 3, event("Execution", "exec", 1, "READY"), event("PartCount", "pc", 2, "5"),
                event("User", "operator", 3, "W-0815")));
        MtConnectBatch first = polling.poll(MACHINE);
        assertThat(summary(first)).containsExactly("status {\"execution\":\"READY\"} @1 operator=", "counter {\"partCount\":5} @2 operator=");
        assertThat(first.next()).isEqualTo(new MtConnectStateStore.Position("A", 4));
        polling.commit(first);
        assertThat(stored()).contains(new MtConnectStateStore.Position("A", 4));

        stubSample(4, streams("A", 1, 6, 5, event("Execution", "exec", 4, "ACTIVE"), event("PartCount", "pc", 5, "6")));
        MtConnectBatch second = polling.poll(MACHINE);
        assertThat(summary(second)).containsExactly("status {\"execution\":\"ACTIVE\"} @4 operator=W-0815",
                "counter {\"partCount\":6} @5 operator=W-0815");
        polling.commit(second);
        assertThat(stored()).contains(new MtConnectStateStore.Position("A", 6));
        AGENT.verify(1, getRequestedFor(urlPathEqualTo("/LT250/current")));
        AGENT.verify(1, getRequestedFor(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo("4"))
                .withQueryParam("count", equalTo("100")));
        second.events().forEach(validator::toValidJson);
        assertThat(status.snapshot(MACHINE).lastContactAt()).isNotNull();
    }

    @Test
    void aRestartedHubResumesWithoutGapOrNewMessageIds() {
        stubCurrent(streams("A", 1, 2, 1, event("Execution", "exec", 1, "READY")));
        polling.commit(polling.poll(MACHINE));
        stubSample(2, streams("A", 1, 4, 3, event("Execution", "exec", 2, "ACTIVE"), event("PartCount", "pc", 3, "9")));
        MtConnectBatch published = polling.poll(MACHINE);
        // the hub stops after publishing and before committing: the restarted hub reads the same observations again
        polling = restart();
        MtConnectBatch again = polling.poll(MACHINE);
        assertThat(summary(again)).isEqualTo(summary(published));
        assertThat(again.events()).extracting(Envelope::messageId)
                .as("the same observations keep their message ids, the destinations' idempotency key")
                .containsExactlyElementsOf(published.events().stream().map(Envelope::messageId).toList());
        polling.commit(again);

        polling = restart();
        stubSample(4, streams("A", 1, 5, 4, event("Execution", "exec", 4, "STOPPED")));
        assertThat(summary(polling.poll(MACHINE))).containsExactly("status {\"execution\":\"STOPPED\"} @4 operator=");
        AGENT.verify(1, getRequestedFor(urlPathEqualTo("/LT250/current")));
        AGENT.verify(2, getRequestedFor(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo("2")));
        AGENT.verify(1, getRequestedFor(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo("4")));
    }

    @Test
    void aNewInstanceIdRestartsFromCurrent() {
        stubCurrent(streams("A", 1, 7, 6, event("Execution", "exec", 6, "ACTIVE")));
        polling.commit(polling.poll(MACHINE));
        stubSample(7, streams("B", 1, 3, 2, event("Execution", "exec", 1, "READY")));
        stubCurrent(streams("B", 1, 3, 2, event("Execution", "exec", 1, "READY"), event("PartCount", "pc", 2, "0")));

        MtConnectBatch batch = polling.poll(MACHINE);
        assertThat(summary(batch)).containsExactly("status {\"execution\":\"READY\"} @1 operator=", "counter {\"partCount\":0} @2 operator=");
        polling.commit(batch);
        assertThat(stored()).contains(new MtConnectStateStore.Position("B", 3));
        AGENT.verify(2, getRequestedFor(urlPathEqualTo("/LT250/current")));
        assertThat(status.snapshot(MACHINE).resyncs()).isEqualTo(1);
        assertThat(warnings()).anyMatch(m -> m.contains("the agent restarted (new instanceId)"));
    }

    @Test
    void aSequenceGapIsLoggedAndRecoveredFromCurrent() {
        stubCurrent(streams("A", 1, 7, 6, event("Execution", "exec", 6, "ACTIVE")));
        polling.commit(polling.poll(MACHINE));
        // the agent's buffer overflowed: 7 is gone; this agent answers with an error document
        AGENT.stubFor(get(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo("7"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/xml").withBody(error("A", "OUT_OF_RANGE"))));
        stubCurrent(streams("A", 5000, 9001, 9000, event("Execution", "exec", 8999, "FEED_HOLD")));

        MtConnectBatch batch = polling.poll(MACHINE);
        assertThat(summary(batch)).containsExactly("status {\"execution\":\"FEED_HOLD\"} @8999 operator=");
        polling.commit(batch);
        assertThat(stored()).contains(new MtConnectStateStore.Position("A", 9001));
        assertThat(warnings()).anyMatch(m -> m.contains("sequence gap: 7 is no longer in the agent's buffer"));

        // another agent answers the old 'from' with the data it still has, starting after a gap
        stubSample(9001, streams("A", 9500, 9601, 9600, event("Execution", "exec", 9500, "ACTIVE")));
        stubCurrent(streams("A", 9500, 9601, 9600, event("Execution", "exec", 9600, "READY")));
        assertThat(summary(polling.poll(MACHINE))).containsExactly("status {\"execution\":\"READY\"} @9600 operator=");
        assertThat(warnings()).anyMatch(m -> m.contains("asked from 9001 but the agent's buffer starts at 9500; 499 observations are lost"));
        assertThat(status.snapshot(MACHINE).resyncs()).isEqualTo(2);
    }

    @Test
    void anAgentGoingBackwardsUnderTheSameInstanceIsReadFromCurrentAgain() {
        stubCurrent(streams("A", 1, 7, 6, event("Execution", "exec", 6, "ACTIVE")));
        polling.commit(polling.poll(MACHINE));
        stubSample(7, streams("A", 1, 3, 2));
        stubCurrent(streams("A", 1, 8, 7, event("Execution", "exec", 7, "READY")));
        MtConnectBatch batch = polling.poll(MACHINE);
        assertThat(batch.next()).isEqualTo(new MtConnectStateStore.Position("A", 8));
        assertThat(warnings()).anyMatch(m -> m.contains("the agent's next sequence 3 is behind 7"));
    }

    @Test
    void anUnreachableOrBrokenAgentIsCountedAndNothingMoves() {
        AGENT.stubFor(get(urlPathEqualTo("/LT250/current")).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        MtConnectBatch failed = polling.poll(MACHINE);
        assertThat(failed.events()).isEmpty();
        polling.commit(failed);
        assertThat(stored()).isEmpty();
        assertThat(status.snapshot(MACHINE).connectionErrors()).isEqualTo(1);
        assertThat(status.snapshot(MACHINE).lastError()).isEqualTo("agent answered HTTP 502 to /LT250/current");

        stubCurrent(streams("A", 1, 3, 2, event("PartCount", "pc", 1, "many"), event("PartCount", "pc", 2, "UNAVAILABLE")));
        MtConnectBatch partly = polling.poll(MACHINE);
        assertThat(partly.events()).as("a value that does not convert is left out, an unavailable one has no value").isEmpty();
        assertThat(status.snapshot(MACHINE).rejected()).isEqualTo(1);
        assertThat(status.snapshot(MACHINE).failing()).isFalse();
        assertThat(warnings()).anyMatch(m -> m.contains("value of 'pc' is not an integer"));
    }

    @Test
    void theProbeGivesTheDeviceIdentityAndChecksTheMapping() {
        AGENT.stubFor(get(urlPathEqualTo("/LT250/probe")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(devices("A", "exec", "pc"))));
        stubCurrent(streams("A", 1, 2, 1, event("Execution", "exec", 1, "READY")));
        MtConnectBatch first = polling.poll(IDENTIFIED);
        assertThat(first.events()).hasSize(2);
        Envelope commissioning = first.events().get(0);
        assertThat(commissioning.body().path("kind").asText()).isEqualTo("commissioning");
        assertThat(commissioning.body().path("values").toString()).isEqualTo("{\"model\":\"LT 250\",\"serialNumber\":\"SN-4711\"}");
        assertThat(commissioning.body().path("timestamp").asText()).isEqualTo("2026-11-20T09:59:00Z");
        first.events().forEach(validator::toValidJson);
        assertThat(warnings()).anyMatch(m -> m.contains("mapping sources [operator] are not data items of the device"));
        polling.commit(first);

        // the same agent instance read again from /current (a new hub without position) keeps the message ids
        jdbc.update("DELETE FROM mtconnect_state");
        MtConnectBatch again = restart().poll(IDENTIFIED);
        assertThat(again.events().get(0).messageId()).isEqualTo(commissioning.messageId());

        // a restarted hub reads the probe once before it resumes from the stored position (the mapping is checked
        // against it, PersonalSources); its samples do not probe again
        stubSample(2, streams("A", 1, 3, 2, event("Execution", "exec", 2, "ACTIVE")));
        polling = restart();
        polling.commit(again);
        MtConnectBatch resumed = polling.poll(IDENTIFIED);
        assertThat(resumed.events()).extracting(e -> e.body().path("kind").asText()).containsExactly("status");
        AGENT.verify(3, getRequestedFor(urlPathEqualTo("/LT250/probe")));
        polling.commit(resumed);
        stubSample(3, streams("A", 1, 4, 3, event("Execution", "exec", 3, "READY")));
        assertThat(polling.poll(IDENTIFIED).events()).extracting(e -> e.body().path("kind").asText()).containsExactly("status");
        AGENT.verify(3, getRequestedFor(urlPathEqualTo("/LT250/probe")));
    }

    @Test
    void aProbeThatFailsOrDescribesAnotherDeviceStopsThePoll() {
        stubCurrent(streams("A", 1, 2, 1, event("Execution", "exec", 1, "READY")));
        AGENT.stubFor(get(urlPathEqualTo("/LT250/probe")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(devices("A").replace("LT250", "OTHER"))));
        assertThat(polling.poll(MACHINE).events()).isEmpty();
        assertThat(status.snapshot(MACHINE).lastError()).isEqualTo("agent /probe response does not describe the device named in the machine file");

        AGENT.stubFor(get(urlPathEqualTo("/LT250/probe")).atPriority(1).willReturn(aResponse().withStatus(404)));
        assertThat(polling.poll(MACHINE).events()).isEmpty();
        assertThat(status.snapshot(MACHINE).lastError()).isEqualTo("agent answered HTTP 404 to /LT250/probe");
        assertThat(stored()).isEmpty();
        AGENT.verify(0, getRequestedFor(urlPathEqualTo("/LT250/current")));
    }

    private static void stubCurrent(String body) {
        AGENT.stubFor(get(urlPathEqualTo("/LT250/current"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static void stubSample(long from, String body) {
        AGENT.stubFor(get(urlPathEqualTo("/LT250/sample")).withQueryParam("from", equalTo(String.valueOf(from)))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private Optional<MtConnectStateStore.Position> stored() {
        return new MtConnectStateStore(jdbc, Clock.systemUTC()).load(MACHINE);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Kind, values, observation second (= sequence in these documents) and operator of each event. */
    private static List<String> summary(MtConnectBatch batch) {
        return batch.events().stream().map(e -> {
            JsonNode body = CanonicalJson.tree(e).path("body");
            long second = java.time.Duration.between(java.time.Instant.parse("2026-11-20T10:00:00Z"),
                    java.time.Instant.parse(body.path("timestamp").asText())).getSeconds();
            return body.path("kind").asText() + " " + body.path("values") + " @" + second
                    + " operator=" + body.path("operator").path("id").asText();
        }).toList();
    }
}
