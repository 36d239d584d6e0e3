package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/machines: connection status and counters of the test machines, for operator and dpo only. */
class MachineStatusApiTest extends HubTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ProducerTemplate producer;

    @Test
    void listsEveryMachineWithItsConnectionAndCountersButNoPersonalData() throws Exception {
        HttpResponse<String> response = get("/api/v1/machines", "operator");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = CanonicalJson.read(response.body());
        assertThat(ids(list)).containsExactly("test-disabled", "test-lathe-mtconnect", "test-mill-opcua",
                "test-mill-opcua-refused", "test-mill-umati", "test-modbus-rtu", "test-modbus-tcp", "test-okuma-mtconnect", "test-okuma-refused", "test-press-serial");
        // (a refused machine's lastError names the rule, "operator.id or operator.name", never an operator)
        assertThat(response.body()).doesNotContain("900001").doesNotContain("900002").doesNotContain("900003")
                .doesNotContain("customerNumber").doesNotContain("\"operator\"");

        JsonNode disabled = byId(list, "test-disabled");
        assertThat(disabled.path("connection").asText()).isEqualTo("disabled");
        assertThat(disabled.path("protocol").asText()).isEqualTo("serial");
        assertThat(disabled.path("machineNumber").asText()).isEqualTo("T-OFF-1");
        assertThat(disabled.path("machineType").asText()).isEqualTo("Old press");
        assertThat(disabled.path("events").asLong()).isZero();
        assertThat(disabled.path("errors").toString()).isEqualTo("{\"rejected\":0,\"unmapped\":0,\"connection\":0,\"resyncs\":0}");

        // the OPC UA server's clock ticks every 200 ms: connected
        await().atMost(WAIT).until(() -> "connected".equals(machine("test-mill-opcua").path("connection").asText()));
        JsonNode opcUa = machine("test-mill-opcua");
        assertThat(opcUa.path("protocol").asText()).isEqualTo("opcua");
        assertThat(opcUa.path("lastContactAt").asText()).isNotEmpty();
        assertThat(opcUa.has("serial")).isFalse();

        // no agent stubs: every poll fails, the machine is disconnected and says why
        await().atMost(WAIT).until(() -> "disconnected".equals(machine("test-lathe-mtconnect").path("connection").asText()));
        JsonNode mtConnect = machine("test-lathe-mtconnect");
        assertThat(mtConnect.path("errors").path("connection").asLong()).isPositive();
        assertThat(mtConnect.path("lastError").asText()).startsWith("agent answered HTTP 404 to /LT250/");
        assertThat(mtConnect.path("lastErrorAt").asText()).isNotEmpty();

    }

    @Test
    void onlyOperatorAndDpoMayReadItAndUnknownMachinesAreProblems() throws Exception {
        assertThat(get("/api/v1/machines", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/machines", "erp").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/machines/test-mill-opcua", "erp").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/machines", "dpo").statusCode()).isEqualTo(200);
        HttpResponse<String> one = get("/api/v1/machines/test-mill-opcua", "dpo");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(CanonicalJson.read(one.body()).path("id").asText()).isEqualTo("test-mill-opcua");
        HttpResponse<String> unknown = get("/api/v1/machines/no-such-machine", "operator");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(CanonicalJson.read(unknown.body()).path("type").asText()).isEqualTo("urn:werkbridge:problem:unknown-machine");
    }

    private JsonNode machine(String id) throws IOException, InterruptedException {
        return CanonicalJson.read(get("/api/v1/machines/" + id, "operator").body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode machine : list) {
            if (id.equals(machine.path("id").asText())) {
                return machine;
            }
        }
        throw new AssertionError("no machine " + id);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Known defect after merging the reliability and console work into main: the status API finds no statistics for the
     * serial machine's route (the answer has no "serial" field, connection stays "disconnected") although the port is
     * open and SerialMachineTest delivers its telegrams. Passed on the machines branch; to be found next session.
     */

    @Test
    void serialMachineReportsItsLinkStatistics() throws Exception {
        if (MachinePeers.SERIAL != null) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(machine("test-press-serial").path("connection").asText())
                    .as(machine("test-press-serial").toString()).isEqualTo("connected"));
            long eventsBefore = machine("test-press-serial").path("events").asLong();
            long framesBefore = machine("test-press-serial").path("serial").path("framesIn").asLong();
            String uri = "serial:" + MachinePeers.serialMachineEnd() + "?framing=stx-etx&baudRate=115200";
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    producer.sendBody(uri, "STATE=SETUP;PARTS=1;NOTMAPPED=x".getBytes(StandardCharsets.UTF_8)));
            await().atMost(WAIT).until(() -> machine("test-press-serial").path("events").asLong() == eventsBefore + 2);
            JsonNode serial = machine("test-press-serial");
            assertThat(serial.path("serial").path("connected").asBoolean()).isTrue();
            assertThat(serial.path("serial").path("framesIn").asLong()).isEqualTo(framesBefore + 1);
            assertThat(serial.path("serial").has("checksumErrors")).isTrue();
            assertThat(serial.path("serial").has("garbageBytes")).isTrue();
            assertThat(serial.path("errors").path("unmapped").asLong()).isPositive();
            assertThat(serial.path("lastEventAt").asText()).isNotEmpty();
        }
    }
}
