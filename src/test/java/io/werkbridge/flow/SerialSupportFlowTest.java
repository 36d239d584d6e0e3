package io.werkbridge.flow;

import static io.werkbridge.flow.MachineDataFlowTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.it.RequiredTool;
import io.werkbridge.model.CanonicalJson;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remote support of a serial interface: a capture armed over the API takes the machine's next frames on the real socat
 * link, redacted as they are taken; the diagnostics (link settings, counters with the checksum error and garbage this
 * test puts on the wire, the captured frames) reach both serial-interface programmers, checked value by value.
 */
class SerialSupportFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE_ID = "test-press-serial";
    private static final String FIRST = "STATE=RUNNING;PARTS=77;OPID=W-0815;OPNAME=Erika Beispiel;LAT=52.0215;LON=8.5311;TS=2026-11-20T12:00:00Z";
    private static final String SECOND = "ALARM=E-4711;NOTE=call Max on +49 171 1234567;PROG=Max's part;TS=2026-11-20T12:00:01Z";

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void needsSocat() {
        RequiredTool.assumeOrFail(MachinePeers.SERIAL != null, "socat at /usr/bin/socat (apt-get install socat)");
    }

    @Test
    void diagnosticsWithARedactedCaptureReachBothProgrammersValueByValue() throws Exception {
        send("STATE=IDLE;TS=2026-11-20T11:59:59Z"); // the link is up before the counters are read
        await().atMost(WAIT).until(() -> machineEvents(PORTAL, "T-SERIAL-1").stream()
                .anyMatch(e -> "2026-11-20T11:59:59Z".equals(e.path("body").path("timestamp").asText())));
        JsonNode before = api().json(api().get("/api/v1/machines/" + MACHINE_ID, "operator")).path("serial");

        HttpResponse<String> armed = api().post("/api/v1/machines/" + MACHINE_ID + "/serial-capture", "operator", "{\"frames\":2}");
        assertThat(armed.statusCode()).isEqualTo(202);
        send(FIRST);
        send(SECOND);
        send("STATE=STOPPED;TS=2026-11-20T12:00:02Z"); // beyond the capture's two frames
        // a frame with a wrong BCC and three bytes outside any frame, straight onto the machine's end of the cable
        writeRaw(new byte[] {0x02, 'A', 'B', 0x03, 0x7F, 'x', 'y', 'z'});
        await().atMost(WAIT).until(() -> machineEvents(PORTAL, "T-SERIAL-1").stream()
                .anyMatch(e -> "2026-11-20T12:00:02Z".equals(e.path("body").path("timestamp").asText())));
        await().atMost(WAIT).until(() -> api().json(api().get("/api/v1/machines/" + MACHINE_ID, "operator"))
                .path("serial").path("garbageBytes").asLong() >= before.path("garbageBytes").asLong() + 3);

        HttpResponse<String> sent = api().post("/api/v1/machines/" + MACHINE_ID + "/serial-diagnostics", "operator");
        assertThat(sent.statusCode()).isEqualTo(202);
        JsonNode answer = api().json(sent);
        assertThat(answer.path("frames").asInt()).isEqualTo(2);
        String messageId = answer.path("messageId").asText();

        await().atMost(WAIT).until(() -> SERIAL_SUPPORT.getAllServeEvents().size() == 2);
        JsonNode gose = receivedAt("/gose/link-diagnostics");
        JsonNode diplexa = receivedAt("/diplexa/link-diagnostics");
        assertThat(diplexa).isEqualTo(gose);
        assertThat(gose.path("messageId").asText()).isEqualTo(messageId);
        assertThat(gose.path("type").asText()).isEqualTo("link-diagnostics");
        assertThat(gose.path("key").asText()).isEqualTo("T-SERIAL-1");
        assertThat(gose.path("source").asText()).isEqualTo("machine:" + MACHINE_ID);
        JsonNode body = gose.path("body");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("machineNumber", "machineType", "collectedAt", "link",
                "statistics", "capture");
        assertThat(body.path("machineNumber").asText()).isEqualTo("T-SERIAL-1");
        assertThat(body.path("machineType").asText()).isEqualTo("HP 400 press");
        assertThat(body.path("link")).isEqualTo(CanonicalJson.read("{\"port\":\"" + MachinePeers.serialHubEnd()
                + "\",\"framing\":\"stx-etx\",\"baudRate\":\"115200\",\"reconnectDelay\":\"50\",\"maxReconnectDelay\":\"500\"}"));
        JsonNode statistics = body.path("statistics");
        assertThat(fieldNames(statistics)).containsExactlyInAnyOrder("connected", "framesIn", "framesOut", "garbageBytes",
                "checksumErrors", "oversizeFrames", "reconnects", "sendFailures");
        assertThat(statistics.path("connected").asBoolean()).isTrue();
        assertThat(statistics.path("framesIn").asLong()).isEqualTo(before.path("framesIn").asLong() + 3);
        assertThat(statistics.path("checksumErrors").asLong()).isEqualTo(before.path("checksumErrors").asLong() + 1);
        assertThat(statistics.path("garbageBytes").asLong()).isEqualTo(before.path("garbageBytes").asLong() + 3);
        assertThat(statistics.path("oversizeFrames").asLong()).isEqualTo(before.path("oversizeFrames").asLong());

        List<JsonNode> frames = new java.util.ArrayList<>();
        body.path("capture").path("frames").forEach(frames::add);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).path("length").asInt()).isEqualTo(FIRST.getBytes(StandardCharsets.UTF_8).length);
        // mapped machine values in the form of a number or code stay; operator, location, time fields are blanked
        assertThat(frames.get(0).path("payload").asText()).isEqualTo("STATE=RUNNING;PARTS=77;OPID=******;"
                + "OPNAME=**************;LAT=*******;LON=******;TS=********************");
        // NOTE is not mapped (its value blanked), PROG is mapped but free text (blanked), ALARM is a mapped code
        assertThat(frames.get(1).path("payload").asText()).isEqualTo("ALARM=E-4711;NOTE=" + "*".repeat(27)
                + ";PROG=" + "*".repeat(10) + ";TS=********************");
        assertThat(frames.get(1).path("length").asInt()).isEqualTo(SECOND.length());
        assertThat(gose.toString()).doesNotContain("W-0815").doesNotContain("Erika").doesNotContain("52.0215")
                .doesNotContain("Max").doesNotContain("1234567").doesNotContain("900001");

        await().atMost(WAIT).until(() -> MachineDataFlowTest.disclosures(jdbc, messageId).size() == 2);
        Map<String, Object> toGose = MachineDataFlowTest.disclosure(jdbc, messageId, "serial-support-gose");
        assertThat(toGose.get("processor")).isEqualTo("gose-consulting");
        assertThat(toGose.get("purpose")).isEqualTo("serial-interfaces");
        assertThat(toGose.get("categories_sent").toString()).contains("machine.capture", "machine.number", "technical");
        assertThat(MachineDataFlowTest.disclosure(jdbc, messageId, "serial-support-diplexa").get("processor")).isEqualTo("diplexa");

        // the capture ended with the diagnostics: the next ones carry counters only
        HttpResponse<String> again = api().post("/api/v1/machines/" + MACHINE_ID + "/serial-diagnostics", "operator");
        assertThat(api().json(again).path("frames").asInt()).isZero();
    }

    @Test
    void aCaptureIsBoundedAndOnlyForSerialMachines() {
        for (int frames : List.of(0, 51)) {
            HttpResponse<String> refused = api().post("/api/v1/machines/" + MACHINE_ID + "/serial-capture", "operator",
                    "{\"frames\":" + frames + "}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("frames must be between 1 and 50");
        }
        HttpResponse<String> opcUa = api().post("/api/v1/machines/test-mill-opcua/serial-capture", "operator", "{\"frames\":5}");
        assertThat(opcUa.statusCode()).isEqualTo(409);
        assertThat(opcUa.body()).contains("not on a serial link");
        assertThat(api().post("/api/v1/machines/test-mill-opcua/serial-diagnostics", "operator").statusCode()).isEqualTo(409);
        assertThat(api().post("/api/v1/machines/no-such-machine/serial-diagnostics", "operator").statusCode()).isEqualTo(404);
        assertThat(api().post("/api/v1/machines/" + MACHINE_ID + "/serial-diagnostics", "erp").statusCode()).isEqualTo(403);
        assertThat(SERIAL_SUPPORT.getAllServeEvents()).isEmpty();
    }

    private JsonNode receivedAt(String path) {
        return SERIAL_SUPPORT.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString())).findFirst().orElseThrow();
    }

    private void send(String telegram) {
        MachinePeers.sendTelegram(producer, telegram);
    }

    private static void writeRaw(byte[] bytes) throws IOException {
        try (FileOutputStream out = new FileOutputStream(MachinePeers.serialMachineEnd().toFile())) {
            out.write(bytes);
        }
    }
}
