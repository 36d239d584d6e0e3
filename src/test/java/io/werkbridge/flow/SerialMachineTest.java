package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.it.RequiredTool;
import io.werkbridge.messaging.DeadLetters;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A machine on a real serial link: telegrams written at the machine's end of a socat cable (stx-etx frames through
 * the serial component) come out at the WireMock portal and ERP as canonical machine events; a telegram that cannot
 * be read is parked on the flow's dead-letter queue with the reason, and the link carries on.
 */
class SerialMachineTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE = "T-SERIAL-1";
    private static final String FROM_THIS_MACHINE = "WerkbridgeMachineId = 'test-press-serial'";

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;

    @BeforeEach
    void needsSocat() {
        RequiredTool.assumeOrFail(MachinePeers.SERIAL != null, "socat at /usr/bin/socat (apt-get install socat)");
    }

    @Test
    void telegramsBecomeMachineEventsAtPortalAndErp() {
        send("STATE=RUNNING;PARTS=1234;PROG=O4711;OPID=W-0815;OPNAME=Erika Beispiel;LAT=52.0215;LON=8.5311;TS=2026-11-20T10:15:00Z");

        await().atMost(WAIT).until(() -> at(PORTAL, "2026-11-20T10:15:00Z").size() == 3 && at(ERP, "2026-11-20T10:15:00Z").size() == 3);
        List<JsonNode> portal = at(PORTAL, "2026-11-20T10:15:00Z");
        assertThat(portal).extracting(e -> e.path("body").path("kind").asText()).containsExactly("status", "counter", "program");
        assertThat(portal).extracting(e -> e.path("body").path("values").toString())
                .containsExactly("{\"execution\":\"RUNNING\"}", "{\"partCount\":1234}", "{\"program\":\"O4711\"}");
        JsonNode status = portal.get(0).path("body");
        assertThat(status.path("machineType").asText()).isEqualTo("HP 400 press");
        assertThat(status.path("customerNumber").asText()).isEqualTo("900001");
        assertThat(status.path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(status.path("operator").path("name").asText()).isEqualTo("Erika Beispiel");
        assertThat(status.path("location").toString()).isEqualTo("{\"lat\":52.0,\"lon\":8.5}");
        assertThat(status.path("origin").path("protocol").asText()).isEqualTo("serial");
        assertThat(status.path("origin").path("endpoint").asText()).isEqualTo(MachinePeers.serialHubEnd().toString());
        assertThat(portal.get(0).path("source").asText()).isEqualTo("machine:test-press-serial");

        List<JsonNode> erp = at(ERP, "2026-11-20T10:15:00Z");
        assertThat(erp).extracting(e -> e.path("body").path("kind").asText()).containsExactly("status", "counter", "program");
        assertThat(erp).allSatisfy(e -> {
            assertThat(e.path("body").path("operator").isEmpty()).isTrue();
            assertThat(e.path("body").has("location")).isFalse();
            assertThat(e.toString()).doesNotContain("Erika").doesNotContain("W-0815");
        });
    }

    @Test
    void anUnreadableTelegramIsParkedWithTheReasonAndTheLinkCarriesOn() throws Exception {
        send("STATE=STOPPED;Erika Beispiel;TS=2026-11-20T11:00:00Z");
        jms.setReceiveTimeout(WAIT.toMillis());
        Message parked = jms.receiveSelected("werkbridge.machine-data.dlq", FROM_THIS_MACHINE);
        assertThat(parked).isNotNull();
        assertThat(parked.getStringProperty(DeadLetters.REASON))
                .isEqualTo("InvalidSourceDataException: pair 2 has no '=': expected KEY=value");
        assertThat(parked.getStringProperty(DeadLetters.FAILED_ROUTE)).isEqualTo("machine-test-press-serial");
        assertThat(parked.getStringProperty("WerkbridgeMachineId")).isEqualTo("test-press-serial");
        byte[] body = new byte[(int) ((BytesMessage) parked).getBodyLength()];
        ((BytesMessage) parked).readBytes(body);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("STATE=STOPPED;Erika Beispiel;TS=2026-11-20T11:00:00Z");

        send("PARTS=twelve;TS=2026-11-20T11:00:01Z");
        assertThat(jms.receiveSelected("werkbridge.machine-data.dlq", FROM_THIS_MACHINE).getStringProperty(DeadLetters.REASON))
                .isEqualTo("InvalidSourceDataException: value of 'PARTS' is not an integer as its mapping requires");

        send("STATE=IDLE;TS=2026-11-20T11:00:02Z");
        await().atMost(WAIT).until(() -> at(PORTAL, "2026-11-20T11:00:02Z").size() == 1);
        assertThat(at(PORTAL, "2026-11-20T11:00:00Z")).isEmpty();
        assertThat(at(PORTAL, "2026-11-20T11:00:01Z")).isEmpty();
    }

    private void send(String telegram) {
        MachinePeers.sendTelegram(producer, telegram);
    }

    private static List<JsonNode> at(com.github.tomakehurst.wiremock.WireMockServer server, String timestamp) {
        return machineEvents(server, MACHINE).stream()
                .filter(e -> timestamp.equals(e.path("body").path("timestamp").asText()))
                .toList();
    }
}
