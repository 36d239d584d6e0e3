package io.werkbridge.machine.mtconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.werkbridge.connector.mtconnect.AgentDocuments.event;
import static io.werkbridge.connector.mtconnect.AgentDocuments.streamsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.werkbridge.connector.mtconnect.DevicesDocument;
import io.werkbridge.connector.mtconnect.DevicesParser;
import io.werkbridge.connector.mtconnect.MtConnectAgent;
import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineFileReader;
import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Data items the agent's own /probe declares to be about a person. The probe is the reference agent's demo Devices
 * document, unchanged: {@code src/test/resources/mtconnect/cppagent_demo_Devices.xml} is a copy of
 * {@code /work/shared/fixtures/mtconnect/cppagent_demo_Devices.xml} (mtconnect/cppagent, demo/agent/Devices.xml,
 * Apache-2.0; see the fixtures' SOURCES.md). Its OKUMA device has a Personnel component with the USER items
 * MachineOperator (OPERATOR), MachineMaintenance (MAINTENANCE) and MachineSetup (SET_UP); its Mazak device a USER item
 * without subType. Two machine files use the same agent: one maps the operator legally, one maps the set-up person
 * into {@code values.setupBy}. Values are synthetic.
 */
class MtConnectPersonalItemsTest {

    /** The agent; reset before each test by the extension. */
    @RegisterExtension
    static final WireMockExtension AGENT = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    private static final String PROBE = fixture("mtconnect/cppagent_demo_Devices.xml");

    private JdbcTemplate jdbc;
    private MachineRegistry machines;
    private MachineStatusBoard status;

    @BeforeEach
    void agentAndMachines() {
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/probe")).willReturn(xml(PROBE)));
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/current")).willReturn(xml(streams(1, 4,
                event("User", "MachineOperator", 1, "W-0815"),
                event("User", "MachineSetup", 2, "Erika Muster"),
                event("Execution", "Lpexecution", 3, "ACTIVE")))));
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:mtc-person-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
        machines = new MachineRegistry(List.of(
                new MachineFileReader().read("okuma-legal.yml", """
                        {id: okuma-legal, machineNumber: "OK-1", customerNumber: "100234", protocol: mtconnect,
                         connection: {agent: "%s", device: OKUMA},
                         mapping: [{source: Lpexecution, kind: status, value: execution},
                                   {source: MachineOperator, field: operator.id}]}
                        """.formatted(AGENT.baseUrl())),
                new MachineFileReader().read("okuma-illegal.yml", """
                        {id: okuma-illegal, machineNumber: "OK-2", customerNumber: "100234", protocol: mtconnect,
                         connection: {agent: "%s", device: OKUMA},
                         mapping: [{source: Lpexecution, kind: status, value: execution},
                                   {source: MachineOperator, field: operator.id},
                                   {source: MachineSetup, kind: status, value: setupBy}]}
                        """.formatted(AGENT.baseUrl()))));
        status = new MachineStatusBoard(Clock.systemUTC());
    }

    private MtConnectPolling polling() {
        return new MtConnectPolling(machines, new MachineEvents(machines, status, Clock.systemUTC()), status,
                new MtConnectAgent(HttpClient.newHttpClient()), new MtConnectStateStore(jdbc, Clock.systemUTC()));
    }

    @Test
    void theProbeDeclaresUserItemsAndEverythingInAPersonnelComponentPersonal() {
        DevicesDocument okuma = new DevicesParser().parse(stream(PROBE), "OKUMA");
        assertThat(okuma.personalItems()).containsEntry("MachineOperator", "type USER, subType OPERATOR, inside a Personnel component")
                .containsEntry("MachineMaintenance", "type USER, subType MAINTENANCE, inside a Personnel component")
                .containsEntry("MachineSetup", "type USER, subType SET_UP, inside a Personnel component")
                .hasSize(3); // ids and names are the same in this probe
        assertThat(okuma.dataItems()).contains("Lpexecution", "Lppartcount");
        DevicesDocument mazak = new DevicesParser().parse(stream(PROBE), "Mazak");
        assertThat(mazak.personalItems()).containsOnlyKeys("operator")
                .containsEntry("operator", "type USER, inside a Personnel component");

        String personnelOnly = PROBE.replace("type=\"USER\"\n                  subType=\"OPERATOR\"", "type=\"PART_ID\"");
        assertThat(personnelOnly).isNotEqualTo(PROBE);
        assertThat(new DevicesParser().parse(stream(personnelOnly), "OKUMA").personalItems())
                .as("any item of a Personnel component is about a person, whatever its type")
                .containsEntry("MachineOperator", "inside a Personnel component");
    }

    @Test
    void aPersonalItemMappedIntoValuesRefusesThatMachineAndTheOtherKeepsRunning() {
        MtConnectPolling polling = polling();

        MtConnectBatch illegal = polling.poll("okuma-illegal");
        assertThat(illegal.events()).isEmpty();
        assertThat(illegal.next()).isNull();
        assertThat(status.snapshot("okuma-illegal").lastError()).isEqualTo("okuma-illegal.yml: machine 'okuma-illegal':"
                + " mapping of 'MachineSetup' to values.setupBy (kind status) refused: the agent's /probe declares it"
                + " personal (type USER, subType SET_UP, inside a Personnel component); a personal value may only be"
                + " mapped to operator.id or operator.name");
        AGENT.verify(0, getRequestedFor(urlPathEqualTo("/OKUMA/current")));

        MtConnectBatch legal = polling.poll("okuma-legal");
        assertThat(legal.events()).hasSize(1);
        JsonNode event = CanonicalJson.tree(legal.events().get(0)).path("body");
        assertThat(event.path("machineNumber").asText()).isEqualTo("OK-1");
        assertThat(event.path("kind").asText()).isEqualTo("status");
        assertThat(event.path("values").toString()).isEqualTo("{\"execution\":\"ACTIVE\"}");
        assertThat(event.path("operator").toString()).isEqualTo("{\"id\":\"W-0815\"}");
        assertThat(legal.events().toString()).as("the unmapped set-up person never travels").doesNotContain("Erika Muster");
        assertThat(status.snapshot("okuma-legal").lastError()).isNull();

        assertThat(polling.poll("okuma-illegal").events()).as("refused at every poll until the file is fixed").isEmpty();
        assertThat(status.snapshot("okuma-illegal").lastError()).contains("'MachineSetup'");
    }

    @Test
    void aRestartedHubChecksTheProbeBeforeItResumesFromTheStoredPosition() {
        jdbc.update("INSERT INTO mtconnect_state (machine_id, instance_id, next_sequence, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                "okuma-illegal", "1", 4L);
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/sample")).willReturn(xml(streams(1, 5,
                event("User", "MachineSetup", 4, "Erika Muster")))));

        MtConnectBatch batch = polling().poll("okuma-illegal");

        assertThat(batch.events()).isEmpty();
        assertThat(status.snapshot("okuma-illegal").lastError()).contains("'MachineSetup' to values.setupBy");
        AGENT.verify(0, getRequestedFor(urlPathEqualTo("/OKUMA/sample")));
    }

    private static String streams(long first, long next, String... events) {
        return streamsOf("OKUMA", "1", first, next, next - 1, events);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
    }

    private static InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fixture(String path) {
        try (InputStream in = MtConnectPersonalItemsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
