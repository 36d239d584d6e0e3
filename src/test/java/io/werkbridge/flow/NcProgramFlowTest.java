package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.werkbridge.it.RequiredTool;
import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.Message;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * NC program transfer with the serial test machine's control, on a real socat cable of its own: a program the control
 * punches out reaches the ERP/PDM archive through the nc-programs flow's privacy gate, code untouched, comments
 * scrubbed of the programmer's name and an e-mail address, the programmer dropped; a program with a parity error or
 * without its closing % is parked with its position and reaches nobody; a program an operator queues goes to the
 * control once it says XON, and its status says sent.
 */
class NcProgramFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE_ID = "test-press-serial";
    private static final String FROM_THIS_MACHINE = "WerkbridgeMachineId = 'test-press-serial'";
    private static final byte DC1 = 0x11;
    /** The control's end, open for the JVM's life: socat ends when the last opener of a pty closes it. */
    private static OutputStream controlOut;
    private static InputStream controlIn;

    @Autowired
    JmsTemplate jms;

    @BeforeEach
    void needsSocat() throws IOException {
        RequiredTool.assumeOrFail(MachinePeers.NC != null, "socat at /usr/bin/socat (apt-get install socat)");
        synchronized (NcProgramFlowTest.class) {
            if (controlOut == null) {
                controlOut = new FileOutputStream(MachinePeers.ncControlEnd().toFile());
                controlIn = new FileInputStream(MachinePeers.ncControlEnd().toFile());
            }
        }
    }

    @Test
    void aPunchedProgramReachesThePdmWithItsCodeAsItIsAndItsCommentsScrubbed() {
        punch("\0\0\0\u0012%\nO4711\n(PROGRAMMER: Erika Beispiel)\nN10 G0 X0 Y0 (SETUP ERIKA BEISPIEL)\n"
                + "N20 G1 Z-1.5 F100 ; QUESTIONS: erika.beispiel@example.com\nM30\n%\0\0\0\u0014");

        await().atMost(WAIT).until(() -> archived().size() == 1);
        JsonNode message = archived().get(0);
        assertThat(message.path("type").asText()).isEqualTo("nc-program");
        assertThat(message.path("key").asText()).isEqualTo("T-SERIAL-1");
        assertThat(message.path("source").asText()).isEqualTo("machine:" + MACHINE_ID);
        JsonNode body = message.path("body");
        assertThat(body.path("machineNumber").asText()).isEqualTo("T-SERIAL-1");
        assertThat(body.path("programNumber").asText()).isEqualTo("O4711");
        assertThat(body.path("lineCount").asInt()).isEqualTo(5);
        assertThat(body.path("lines").findValuesAsText("code"))
                .containsExactly("O4711", "", "N10 G0 X0 Y0 ", "N20 G1 Z-1.5 F100 ", "M30");
        assertThat(body.path("lines").get(1).path("comment").asText()).isEqualTo("(PROGRAMMER: [name])");
        assertThat(body.path("lines").get(2).path("comment").asText()).isEqualTo("(SETUP [name])");
        assertThat(body.path("lines").get(3).path("comment").asText()).isEqualTo("; QUESTIONS: [email]");
        assertThat(body.path("programmer").path("name").isMissingNode()).as(body.path("programmer").toString()).isTrue();
        assertThat(message.toString()).doesNotContainIgnoringCase("Erika").doesNotContainIgnoringCase("Beispiel");
    }

    @Test
    void aProgramWithAParityErrorOrWithoutItsClosingPercentIsParkedWithItsPositionAndReachesNobody() throws Exception {
        byte[] bad = evenParity("%\nO4712\nN10 G0 X0\n%");
        bad["%\nO4712\nN1".length()] ^= 0x40;
        write(bad);
        jms.setReceiveTimeout(WAIT.toMillis());
        Message parked = jms.receiveSelected("werkbridge.nc-programs.dlq", FROM_THIS_MACHINE);
        assertThat(parked).isNotNull();
        assertThat(parked.getStringProperty(DeadLetters.REASON)).isEqualTo("InvalidSourceDataException: nc-program"
                + " refused: parity error at byte offset 10 (line 3) of the program from its opening %");
        assertThat(parked.getStringProperty(DeadLetters.FAILED_ROUTE)).isEqualTo("machine-" + MACHINE_ID + "-nc-programs");

        punch("%\nO4713\nN10 G0 X0\n"); // and then nothing: the control stopped in the middle
        Message truncated = jms.receiveSelected("werkbridge.nc-programs.dlq", FROM_THIS_MACHINE);
        assertThat(truncated.getStringProperty(DeadLetters.REASON)).isEqualTo("InvalidSourceDataException: nc-program"
                + " refused: truncated: no closing % after 18 bytes (line 4), nothing received for 500 ms");

        punch("%\nO4714\nM30\n%");
        await().atMost(WAIT).until(() -> archived().size() == 1);
        assertThat(archived().get(0).path("body").path("programNumber").asText()).isEqualTo("O4714");
    }

    @Test
    void aQueuedProgramGoesToTheControlAtItsXonAndItsStatusSaysSent() throws Exception {
        drain();
        HttpResponse<String> queued = api().post("/api/v1/machines/" + MACHINE_ID + "/nc-programs", "operator",
                "{\"program\":\"%\\nO0815\\nN10 G0 X0 (FIXTURE 2)\\nM30\\n%\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String status = api().json(queued).path("status").asText();
        assertThat(api().json(api().get(status, "operator")).path("state").asText()).isIn("QUEUED", "SENDING");

        ByteArrayOutputStream tape = new ByteArrayOutputStream();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            controlOut.write(DC1); // the operator started the read on the control; it says XON until data comes
            controlOut.flush();
            readAvailable(tape);
            return tape.size() > 0;
        });
        await().atMost(WAIT).until(() -> {
            readAvailable(tape);
            return tape.size() >= "%\nO0815\nN10 G0 X0 (FIXTURE 2)\nM30\n%".length();
        });
        assertThat(sevenBit(tape.toByteArray())).isEqualTo("%\nO0815\nN10 G0 X0 (FIXTURE 2)\nM30\n%");
        await().atMost(WAIT).until(() -> "SENT".equals(api().json(api().get(status, "operator")).path("state").asText()));
    }

    @Test
    void aProgramTheTapeCannotCarryOrAMachineWithoutTransferIsRefusedAtOnce() {
        HttpResponse<String> percent = api().post("/api/v1/machines/" + MACHINE_ID + "/nc-programs", "operator",
                "{\"program\":\"O1\\nN10 G0 % X1\"}");
        assertThat(percent.statusCode()).isEqualTo(422);
        assertThat(api().json(percent).path("detail").asText())
                .isEqualTo("nc-program holds a % (which ends the program) at byte offset 10 (line 2)");

        HttpResponse<String> noTransfer = api().post("/api/v1/machines/test-lathe-mtconnect/nc-programs", "operator",
                "{\"program\":\"O1\\nM30\"}");
        assertThat(noTransfer.statusCode()).isEqualTo(409);
        assertThat(api().json(noTransfer).path("detail").asText())
                .isEqualTo("the machine's file has no programTransfer section");
        assertThat(api().post("/api/v1/machines/" + MACHINE_ID + "/nc-programs", "shop", "{\"program\":\"O1\"}")
                .statusCode()).isEqualTo(403);
    }

    private static List<JsonNode> archived() {
        return PDM.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().endsWith("/pdm/nc-programs"))
                .map(r -> CanonicalJson.read(r.getBodyAsString()))
                .toList();
    }

    /** What the control punches: ISO code with the even parity bit (the test machine's codeParity). */
    private static void punch(String tape) {
        write(evenParity(tape));
    }

    private static void write(byte[] bytes) {
        try {
            controlOut.write(bytes);
            controlOut.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain() throws IOException {
        readAvailable(new ByteArrayOutputStream());
    }

    private static void readAvailable(ByteArrayOutputStream into) throws IOException {
        int available;
        while ((available = controlIn.available()) > 0) {
            byte[] buffer = new byte[available];
            into.write(buffer, 0, controlIn.read(buffer));
        }
    }

    private static byte[] evenParity(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (Integer.bitCount(bytes[i]) % 2 == 1) {
                bytes[i] |= (byte) 0x80;
            }
        }
        return bytes;
    }

    private static String sevenBit(byte[] tape) {
        StringBuilder text = new StringBuilder();
        for (byte b : tape) {
            assertThat(Integer.bitCount(b & 0xFF) % 2).as("even parity").isZero();
            if ((b & 0x7F) != 0) {
                text.append((char) (b & 0x7F));
            }
        }
        return text.toString();
    }
}
