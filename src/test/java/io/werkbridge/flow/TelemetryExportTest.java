package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's own telemetry to the monitoring destination: an OTLP/HTTP receiver stub (WireMock) captures what a hub
 * with an OTLP endpoint exports while customers flow through it and a client signs in, and every attribute is
 * checked against the monitoring policy: metrics and spans arrive, none of the customer's values, no full IP
 * address, no user name.
 */
class TelemetryExportTest {

    private static final WireMockServer OTLP = new WireMockServer(wireMockConfig().dynamicPort());
    private static final WireMockServer DEST = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String USER = "telemetry-tester-7f3a";
    private static final String INTRUDER = "telemetry-intruder-9c1b";
    /** application-test.yml: "test-secret". */
    private static final String BCRYPT = "{bcrypt}$2a$10$RPelkRpYtJmmTx4vtPLeaOyqmTd2C2q/hTyDCQ3YFaJI1AsX73LDW";
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![0-9.])");

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub() {
        OTLP.start();
        DEST.start();
        OTLP.stubFor(post(urlPathEqualTo("/v1/metrics")).willReturn(aResponse().withStatus(200)));
        OTLP.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        DEST.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(202)));
        DEST.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(202)));
        hub = SeparateHub.start(42, data, DEST.baseUrl(),
                "--werkbridge.monitoring.otlp-endpoint=" + OTLP.baseUrl(),
                "--management.otlp.metrics.export.step=1s",
                "--management.tracing.sampling.probability=1.0",
                "--werkbridge.security.users." + USER + ".password=" + BCRYPT,
                "--werkbridge.security.users." + USER + ".roles=ERP,SHOP");
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        OTLP.stop();
        DEST.stop();
    }

    @Test
    void exportedTelemetryCarriesNoPersonalValueNoFullAddressAndNoUserName() throws Exception {
        String number = MachineDataFlowTest.unique("TM");
        String email = "telemetry.person." + number.toLowerCase() + "@example.com";
        int port = SeparateHub.port(hub);
        assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", email,
                "call Erika at +49 521 5550 9876"), USER, "test-secret").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> DEST.findAll(postRequestedFor(urlPathEqualTo("/portal/customers")))
                .stream().anyMatch(r -> r.getBodyAsString().contains(number)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // a path with the customer number in it, and a failed sign-in with a user name
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/shop/customers/" + number))
                .timeout(Duration.ofSeconds(20)).header("Authorization", basic(USER)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/shop/customers/" + number))
                .timeout(Duration.ofSeconds(20)).header("Authorization", basic(INTRUDER)).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        await().atMost(Duration.ofSeconds(30)).until(() -> !spans().isEmpty() && metricNames().contains("http.server.requests")
                && spans().stream().anyMatch(s -> s.getAttributesList().stream().anyMatch(a -> a.getValue().getStringValue().contains("/api/v1/shop/customers"))));

        List<String> metricNames = metricNames();
        assertThat(metricNames).contains("http.server.requests", "werkbridge.privacy.decisions");
        assertThat(spans()).isNotEmpty();

        List<String> exported = new ArrayList<>();
        for (LoggedRequest request : OTLP.findAll(postRequestedFor(urlPathEqualTo("/v1/metrics")))) {
            exported.add(ExportMetricsServiceRequest.parseFrom(request.getBody()).toString());
        }
        for (LoggedRequest request : OTLP.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))) {
            exported.add(ExportTraceServiceRequest.parseFrom(request.getBody()).toString());
        }
        String all = String.join("\n", exported);
        for (String personal : List.of(number, email, "Erika", "Musterfrau", "DE89370400440532013000",
                "Beispiel Maschinenbau", "Industriestr", USER, INTRUDER, "test-secret")) {
            assertThat(all).as("exported telemetry").doesNotContain(personal);
        }
        Matcher ip = IPV4.matcher(all);
        while (ip.find()) {
            assertThat(ip.group(4)).as("IPv4 address " + ip.group() + " is truncated").isEqualTo("0");
        }
        assertThat(all).doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("\"::1\"");
        // the route template stays: operators still see which endpoint was called
        assertThat(all).contains("/api/v1/shop/customers/{customerNumber}");
    }

    @Test
    void theRegisterListsTheExportAsTheMonitoringDestinationsChannel() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SeparateHub.port(hub) + "/api/v1/privacy/destinations"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operator:test-secret".getBytes()))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode monitoring = null;
        for (com.fasterxml.jackson.databind.JsonNode d : io.werkbridge.model.CanonicalJson.read(response.body())) {
            if (d.path("id").asText().equals("monitoring")) {
                monitoring = d;
            }
        }
        assertThat(monitoring).as("monitoring in the register").isNotNull();
        assertThat(monitoring.path("delivery").asText()).isEqualTo("routed");
        assertThat(monitoring.path("flows").toString()).isEqualTo("[\"telemetry\"]");
        assertThat(monitoring.path("routes").toString()).isEqualTo("[\"otlp-export\"]");
    }

    private static List<String> metricNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (LoggedRequest request : OTLP.findAll(postRequestedFor(urlPathEqualTo("/v1/metrics")))) {
            ExportMetricsServiceRequest.parseFrom(request.getBody()).getResourceMetricsList().forEach(r ->
                    r.getScopeMetricsList().forEach(s -> s.getMetricsList().forEach(m -> names.add(m.getName()))));
        }
        return names;
    }

    private static List<io.opentelemetry.proto.trace.v1.Span> spans() throws Exception {
        List<io.opentelemetry.proto.trace.v1.Span> spans = new ArrayList<>();
        for (LoggedRequest request : OTLP.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))) {
            ExportTraceServiceRequest.parseFrom(request.getBody()).getResourceSpansList().forEach(r ->
                    r.getScopeSpansList().forEach(s -> spans.addAll(s.getSpansList())));
        }
        return spans;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":test-secret").getBytes(StandardCharsets.UTF_8));
    }
}
