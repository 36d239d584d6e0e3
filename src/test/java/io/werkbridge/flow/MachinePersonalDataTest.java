package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.werkbridge.connector.mtconnect.AgentDocuments.event;
import static io.werkbridge.connector.mtconnect.AgentDocuments.streamsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.demo.SimulatedOpcUaMachine;
import io.werkbridge.machine.MachineStatusBoard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People inside machine data, end to end through the hub to the WireMock portal and ERP.
 *
 * <p>MTConnect: the agent (WireMock) serves the reference agent's demo probe, unchanged
 * ({@code src/test/resources/mtconnect/cppagent_demo_Devices.xml}, a copy of
 * {@code /work/shared/fixtures/mtconnect/cppagent_demo_Devices.xml}, mtconnect/cppagent demo/agent/Devices.xml,
 * Apache-2.0), whose OKUMA device declares MachineOperator, MachineMaintenance and MachineSetup as type USER in a
 * Personnel component. {@code test-okuma-mtconnect.yml} maps the operator to {@code operator.id};
 * {@code test-okuma-refused.yml} maps the set-up person into {@code values.setupBy} and is refused.
 *
 * <p>OPC UA: the embedded Milo server's Operator object has the type UserType; {@code test-mill-opcua-refused.yml}
 * maps its Name into {@code values.operatorName} and is refused, {@code test-mill-opcua.yml} maps it to the operator.
 * Values are synthetic.
 */
class MachinePersonalDataTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WireMockServer AGENT = MachinePeers.MTCONNECT_AGENT;
    private static final SimulatedOpcUaMachine OPC_UA = MachinePeers.OPC_UA;

    @Autowired
    MachineStatusBoard status;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void mtConnectUserItemsReachOnlyTheOperatorAndAMachineMappingThemIntoValuesIsRefused() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String instance = String.valueOf(System.nanoTime());
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/probe")).willReturn(xml(fixture("mtconnect/cppagent_demo_Devices.xml"))));
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/current")).willReturn(xml(streamsOf("OKUMA", instance, 1, 6, 5,
                event("User", "MachineOperator", 1, "W-4712"),
                event("User", "MachineSetup", 2, "Erika Muster"),
                event("User", "MachineMaintenance", 3, "M-0042"),
                event("Execution", "Lpexecution", 4, "ACTIVE-" + run),
                event("Program", "Lpprogram", 5, "O4711-" + run + " questions to erika.muster@example.com")))));
        AGENT.stubFor(get(urlPathEqualTo("/OKUMA/sample")).willReturn(xml(streamsOf("OKUMA", instance, 1, 6, 5))));

        JsonNode portalStatus = awaitMachineEvent(PORTAL, "T-MTC-OKUMA-1", "execution", "ACTIVE-" + run);
        JsonNode body = portalStatus.path("body");
        assertThat(body.path("machineNumber").asText()).isEqualTo("T-MTC-OKUMA-1");
        assertThat(body.path("machineType").asText()).isEqualTo("MULTUS U3000");
        assertThat(body.path("customerNumber").asText()).isEqualTo("900005");
        assertThat(body.path("kind").asText()).isEqualTo("status");
        assertThat(body.path("values").toString()).isEqualTo("{\"execution\":\"ACTIVE-" + run + "\"}");
        assertThat(body.path("operator").path("id").asText()).as("personnel.id: hashed for the portal").matches("[0-9a-f]{64}");
        assertThat(body.path("operator").has("name")).isFalse();
        assertThat(body.path("origin").path("protocol").asText()).isEqualTo("mtconnect");

        JsonNode portalProgram = awaitMachineEvent(PORTAL, "T-MTC-OKUMA-1", "program", v -> v.path("program").asText().startsWith("O4711-" + run));
        assertThat(portalProgram.path("body").path("values").toString())
                .as("the finder's e-mail address scrubbed (personnel.free-text: scrub)")
                .isEqualTo("{\"program\":\"O4711-" + run + " questions to [email]\"}");
        assertThat(portalProgram.path("body").path("operator").path("id").asText()).isEqualTo(body.path("operator").path("id").asText());

        JsonNode erpStatus = awaitMachineEvent(ERP, "T-MTC-OKUMA-1", "execution", "ACTIVE-" + run);
        assertThat(erpStatus.path("body").path("values").toString()).isEqualTo("{\"execution\":\"ACTIVE-" + run + "\"}");
        assertThat(erpStatus.path("body").path("operator").toString()).as("personnel: drop for the ERP").isEqualTo("{}");
        JsonNode erpProgram = await().atMost(WAIT).until(() -> machineEvents(ERP, "T-MTC-OKUMA-1").stream()
                .filter(e -> "program".equals(e.path("body").path("kind").asText())).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(erpProgram.path("body").path("values").toString()).as("a flagged value is dropped for the ERP").isEqualTo("{}");
        assertThat(erpProgram.path("body").path("operator").toString()).isEqualTo("{}");

        String erpProgramId = erpProgram.path("messageId").asText();
        Map<String, Object> erpRecord = jdbc.queryForMap("SELECT categories_sent, categories_dropped, categories_masked FROM disclosure"
                + " WHERE message_id = ? AND destination = 'erp'", erpProgramId);
        assertThat(String.valueOf(erpRecord.get("CATEGORIES_DROPPED"))).contains("personnel.free-text");
        Map<String, Object> portalRecord = jdbc.queryForMap("SELECT categories_masked FROM disclosure"
                + " WHERE message_id = ? AND destination = 'portal'", portalProgram.path("messageId").asText());
        assertThat(String.valueOf(portalRecord.get("CATEGORIES_MASKED"))).contains("personnel.free-text").contains("personnel.id");

        for (WireMockServer destination : List.of(PORTAL, ERP)) {
            String delivered = machineEvents(destination, "T-MTC-OKUMA-1").toString();
            assertThat(delivered).doesNotContain("Erika Muster").doesNotContain("W-4712").doesNotContain("M-0042")
                    .doesNotContain("erika.muster");
        }
        assertThat(machineEvents(ERP, "T-MTC-OKUMA-1").toString()).doesNotContain(body.path("operator").path("id").asText());

        // the other file maps MachineSetup into values: refused, named, and nothing of that machine travels
        await().atMost(WAIT).until(() -> status.snapshot("test-okuma-refused").lastError() != null
                && status.snapshot("test-okuma-refused").lastError().contains("MachineSetup"));
        assertThat(status.snapshot("test-okuma-refused").lastError()).endsWith("test-okuma-refused.yml: machine"
                + " 'test-okuma-refused': mapping of 'MachineSetup' to values.setupBy (kind status) refused: the agent's /probe"
                + " declares it personal (type USER, subType SET_UP, inside a Personnel component); a personal value may only"
                + " be mapped to operator.id or operator.name");
        assertThat(machineEvents(PORTAL, "T-MTC-OKUMA-2")).isEmpty();
        assertThat(machineEvents(ERP, "T-MTC-OKUMA-2")).isEmpty();
    }

    @Test
    void anOpcUaOperatorNodeMappedIntoValuesIsRefusedAndTheOtherMachineKeepsRunning() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OPC_UA.set("Machine/Operator/Id", "W-5150");
        OPC_UA.set("Machine/Operator/Name", "Jonas Refused-" + run);
        JsonNode portal = await().atMost(WAIT).until(() -> {
            OPC_UA.set("Machine/Monitoring/State", "Running-" + run + "-" + System.nanoTime());
            return machineEvents(PORTAL, "T-OPCUA-1").stream()
                    .filter(e -> e.path("body").path("values").path("state").asText().startsWith("Running-" + run))
                    .filter(e -> ("Jonas Refused-" + run).equals(e.path("body").path("operator").path("name").asText()))
                    .findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
        assertThat(portal.path("body").path("operator").path("id").asText()).as("the legal machine: hashed id, name sent")
                .matches("[0-9a-f]{64}");
        // the same event at the ERP: personnel dropped
        JsonNode erp = await().atMost(WAIT).until(() -> machineEvents(ERP, "T-OPCUA-1").stream()
                .filter(e -> e.path("messageId").asText().equals(portal.path("messageId").asText())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(erp.path("body").path("values").toString()).isEqualTo(portal.path("body").path("values").toString());
        assertThat(erp.path("body").path("operator").toString()).isEqualTo("{}");
        assertThat(erp.toString()).doesNotContain("Jonas").doesNotContain("W-5150");

        await().atMost(WAIT).until(() -> status.snapshot("test-mill-opcua-refused").lastError() != null);
        assertThat(status.snapshot("test-mill-opcua-refused").lastError()).endsWith("test-mill-opcua-refused.yml: machine"
                + " 'test-mill-opcua-refused': mapping of 'nsu=urn:werkbridge:simulated-machine;s=Machine/Operator/Name' to"
                + " values.operatorName (kind status) refused: the OPC UA server's node metadata declares it personal (it"
                + " belongs to an object of type UserType); a personal value may only be mapped to operator.id or operator.name");
        assertThat(machineEvents(PORTAL, "T-OPCUA-2")).isEmpty();
        assertThat(machineEvents(ERP, "T-OPCUA-2")).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = MachinePersonalDataTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
