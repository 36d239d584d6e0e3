package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.model.CanonicalJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service ticket with a photo, from the portal's API through the broker and the privacy gate to two destinations:
 * the ERP (the controller's service department, which allows photos) gets the photo whole; the portal (whose
 * processor's contract does not cover photos) gets the ticket without content, file name, hash or time taken.
 */
class ServiceTicketMediaTest {

    private static final WireMockServer DESTINATIONS = new WireMockServer(wireMockConfig().dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub() {
        DESTINATIONS.start();
        DESTINATIONS.stubFor(post(urlPathEqualTo("/erp/tickets")).willReturn(aResponse().withStatus(202)));
        DESTINATIONS.stubFor(post(urlPathEqualTo("/portal/tickets")).willReturn(aResponse().withStatus(202)));
        hub = SeparateHub.start(43, data, DESTINATIONS.baseUrl(),
                "--werkbridge.flows.service-tickets.destinations.erp=" + DESTINATIONS.baseUrl() + "/erp/tickets",
                "--werkbridge.flows.service-tickets.destinations.portal=" + DESTINATIONS.baseUrl() + "/portal/tickets");
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        DESTINATIONS.stop();
    }

    @Test
    void thePhotoReachesTheDestinationThatAllowsItAndNothingOfItButTypeAndSizeTheOneThatDoesNot() throws Exception {
        byte[] photo = new byte[6000];
        new Random(20).nextBytes(photo); // opaque bytes: the hub never looks inside
        String content = Base64.getEncoder().encodeToString(photo);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        String ticket = """
                {"ticketId":"T-MEDIA-1","customerNumber":"100234","machineNumber":"M-4711","description":"spindle noise",
                 "reportedBy":{"name":"Erika Beispiel","email":"erika@example.com"},
                 "attachments":{"photos":[{"fileName":"IMG_Erika_spindle.jpg","mediaType":"image/jpeg","size":%d,
                   "sha256":"%s","takenAt":"2026-11-20T09:58:00Z","content":"%s"}]}}""".formatted(photo.length, sha256, content);

        HttpResponse<String> accepted = new HttpCalls(SeparateHub.port(hub)).send("POST", "/api/v1/portal/service-tickets", ticket, "portal");
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode erp = awaitDelivered("/erp/tickets").path("body").path("attachments").path("photos").get(0);
        assertThat(erp.path("content").asText()).isEqualTo(content);
        assertThat(Base64.getDecoder().decode(erp.path("content").asText())).isEqualTo(photo);
        assertThat(erp.path("fileName").asText()).isEqualTo("IMG_Erika_spindle.jpg");
        assertThat(erp.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(erp.path("size").asInt()).isEqualTo(photo.length);
        assertThat(erp.path("sha256").asText()).isEqualTo(sha256);
        assertThat(erp.path("takenAt").asText()).isEqualTo("2026-11-20T09:58:00Z");

        JsonNode portalTicket = awaitDelivered("/portal/tickets");
        JsonNode portal = portalTicket.path("body").path("attachments").path("photos").get(0);
        assertThat(portal.has("content")).as("content not allowed for the portal").isFalse();
        assertThat(portal.has("fileName")).isFalse();
        assertThat(portal.has("sha256")).isFalse();
        assertThat(portal.has("takenAt")).isFalse();
        assertThat(portal.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(portal.path("size").asInt()).isEqualTo(photo.length);
        assertThat(portalTicket.toString()).doesNotContain(content.substring(0, 40)).doesNotContain(sha256).doesNotContain("IMG_Erika");
    }

    @Test
    void aMislabelledOrMalformedAttachmentIsRefusedWithoutEchoingIt() throws Exception {
        HttpCalls http = new HttpCalls(SeparateHub.port(hub));
        String video = """
                {"ticketId":"T-MEDIA-2","customerNumber":"100234","description":"x",
                 "attachments":{"photos":[{"fileName":"clip.mp4","mediaType":"video/mp4","size":4,
                   "sha256":"%s","content":"AAAA"}]}}""".formatted("0".repeat(64));
        HttpResponse<String> mislabelled = http.send("POST", "/api/v1/portal/service-tickets", video, "portal");
        assertThat(mislabelled.statusCode()).isEqualTo(400);
        assertThat(mislabelled.body()).contains("mediaType").doesNotContain("video/mp4");

        String notBase64 = video.replace("video/mp4", "image/png").replace("\"AAAA\"", "\"<script>secret</script>\"");
        HttpResponse<String> malformed = http.send("POST", "/api/v1/portal/service-tickets", notBase64, "portal");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("content").doesNotContain("secret");
        assertThat(received("/erp/tickets").stream().map(t -> t.path("key").asText())).doesNotContain("T-MEDIA-2");
    }

    private static JsonNode awaitDelivered(String path) {
        await().atMost(WAIT).until(() -> !received(path).isEmpty());
        List<JsonNode> received = received(path);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static List<JsonNode> received(String path) {
        return DESTINATIONS.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path))
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .toList();
    }
}
