package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.werkbridge.connector.s4.S4ODataSamples.iban;
import static io.werkbridge.connector.s4.S4ODataSamples.key;
import static io.werkbridge.connector.s4.S4ODataSamples.page;
import static io.werkbridge.connector.s4.S4ODataSamples.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.model.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The S/4HANA business partner connector end to end on a hub of its own: WireMock serves API_BUSINESS_PARTNER as
 * OData V2 JSON (a page of 1,000 partners with __next, then the rest; persons and organisations, several e-mail
 * addresses and phone numbers, a blocked partner), the hub loads them through the broker and the privacy gate to the
 * WireMock portal. The second page fails, the hub is restarted, and the load resumes from the watermark in the
 * database; then a business event delivers exactly its partner.
 */
class S4BusinessPartnerFlowTest {

    private static final WireMockServer S4 = new WireMockServer(wireMockConfig().dynamicPort());
    private static final WireMockServer DEST = new WireMockServer(wireMockConfig().dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SERVICE = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
    private static final String SET = SERVICE + "/A_BusinessPartner";
    private static final int FIRST = 1001;
    private static final int LAST = 2200;
    private static final int PAGE_END = 2000;
    private static final int BLOCKED = 1500;
    private static final String PORTAL = "/portal/customers";

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext hub;

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        S4.stop();
        DEST.stop();
    }

    private static ConfigurableApplicationContext startHub() {
        return SeparateHub.start(37, data, DEST.baseUrl(),
                "--werkbridge.s4.enabled=true",
                "--werkbridge.s4.url=" + S4.baseUrl(),
                "--werkbridge.s4.username=WERKBRIDGE_COMM",
                "--werkbridge.s4.password=synthetic-s4-password",
                "--werkbridge.s4.page-size=1000",
                "--werkbridge.s4.poll-interval=1s",
                "--werkbridge.s4.retries=0");
    }

    @Test
    void initialLoadDeliversEveryPartnerOnceAcrossARestartThenAnEventDeliversItsPartner() throws Exception {
        S4.start();
        DEST.start();
        DEST.stubFor(post(urlPathEqualTo(PORTAL)).willReturn(aResponse().withStatus(202)));
        DEST.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(202)));
        String service = S4.baseUrl() + SERVICE;
        S4.stubFor(get(urlPathEqualTo(SET)).withQueryParam("$filter", absent()).withQueryParam("$skiptoken", absent())
                .willReturn(okJson(page(service, FIRST, PAGE_END, BLOCKED, "PT10H00M00S",
                        service + "/A_BusinessPartner?$skiptoken=1000&$top=1000"))));
        S4.stubFor(get(urlPathEqualTo(SET)).withQueryParam("$skiptoken", equalTo("1000"))
                .willReturn(aResponse().withStatus(503)));

        hub = startHub();
        await().atMost(WAIT).until(() -> portal().size() == PAGE_END - FIRST);
        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        await().atMost(WAIT).until(() -> key(PAGE_END).equals(jdbc.queryForObject(
                "SELECT load_last_partner FROM s4_watermark WHERE source = 's4'", String.class)));
        assertThat(jdbc.queryForObject("SELECT load_done FROM s4_watermark WHERE source = 's4'", Boolean.class)).isFalse();

        // restart mid-load: the next page still fails before the restart; after it the load resumes after the watermark
        hub.close();
        S4.stubFor(get(urlPathEqualTo(SET)).withQueryParam("$filter", equalTo("BusinessPartner gt '" + key(PAGE_END) + "'"))
                .willReturn(okJson(page(service, PAGE_END + 1, LAST, BLOCKED, "PT10H00M00S", null))));
        S4.stubFor(get(urlPathEqualTo(SET)).withQueryParam("$filter", containing("LastChangeDate"))
                .willReturn(okJson("{\"d\":{\"results\":[]}}")));
        hub = startHub();
        JdbcTemplate restarted = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        await().atMost(WAIT).until(() -> portal().size() == LAST - FIRST);
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(restarted.queryForObject(
                "SELECT load_done FROM s4_watermark WHERE source = 's4'", Boolean.class)));
        // the resumed load reported its progress in the operations model (GET /api/v1/operations/initial-loads)
        io.werkbridge.operations.InitialLoads.InitialLoad load = hub.getBean(io.werkbridge.operations.InitialLoads.class).all().get(0);
        assertThat(load.source()).isEqualTo("s4");
        assertThat(load.subject()).isEqualTo("business partners, resumed after the last page read");
        assertThat(load.state()).isEqualTo(io.werkbridge.operations.InitialLoads.State.DONE);
        assertThat(load.items()).isEqualTo(LAST - PAGE_END);
        assertThat(load.percentDone()).isNull();
        // the first page is not read again: the resumed load asked for the partners after the watermark only
        assertThat(S4.findAll(getRequestedFor(urlPathEqualTo(SET)).withQueryParam("$filter", absent())
                .withQueryParam("$skiptoken", absent()))).hasSize(1);
        assertThat(S4.findAll(getRequestedFor(urlPathEqualTo(SET))).get(0).getHeader("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("WERKBRIDGE_COMM:synthetic-s4-password".getBytes(StandardCharsets.UTF_8)));

        Map<String, List<JsonNode>> byKey = portal().stream().collect(Collectors.groupingBy(m -> m.path("key").asText()));
        for (int n = FIRST; n <= LAST; n++) {
            if (n == BLOCKED) {
                assertThat(byKey).as("the blocked partner is restricted, not delivered").doesNotContainKey(String.valueOf(n));
                continue;
            }
            assertThat(byKey.get(String.valueOf(n))).as("partner %d delivered once", n).hasSize(1);
        }
        assertThat(restarted.queryForObject("SELECT COUNT(*) FROM subject_restriction WHERE subject_ref = ? AND kind = 'restriction'"
                + " AND purpose = '*'", Integer.class, String.valueOf(BLOCKED))).isEqualTo(1);

        JsonNode person = byKey.get("1001").get(0);
        assertThat(person.path("operation").asText()).isEqualTo("upsert");
        assertThat(person.path("source").asText()).isEqualTo("s4");
        assertThat(person.path("occurredAt").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(person.path("body")).isEqualTo(CanonicalJson.read("""
                {"customerNumber":"1001",
                 "company":{"kind":"person","name":"Vorname1001 Nachname1001",
                            "address":{"street":"Werkstr. 1001","postalCode":"11001","city":"Stadt1001","country":"DE"}},
                 "contacts":[{"id":"1001","firstName":"Vorname1001","lastName":"Nachname1001",
                              "email":"bp1001@example.com","phone":"+49 30 55501001"}],
                 "bankAccounts":[]}"""));
        JsonNode org = byKey.get("2200").get(0);
        assertThat(org.path("body").path("company")).isEqualTo(CanonicalJson.read("""
                {"kind":"organization","name":"Synthwerk 2200 GmbH","vatId":"DE100002200","email":"bp2200@example.com",
                 "phone":"+49 30 55502200",
                 "address":{"street":"Werkstr. 2200","postalCode":"12200","city":"Stadt2200","country":"DE"}}"""));
        assertThat(org.path("body").path("contacts")).isEmpty();
        String masked = "*".repeat(18) + iban(2200).substring(18);
        assertThat(org.path("body").path("bankAccounts")).isEqualTo(CanonicalJson.read(
                "[{\"iban\":\"" + masked + "\",\"bic\":\"*******FXXX\",\"holder\":\"***************GmbH\"}]"));

        // a business event: exactly that partner is read and delivered, in its new state
        int before = portal().size();
        S4.stubFor(get(urlPathEqualTo(SET + "('" + key(1234) + "')")).willReturn(okJson(CanonicalJson.write(
                CanonicalJson.mapper().createObjectNode().set("d", partner(service, 1234, false, "PT11H30M15S")
                        .put("LastName", "Neuname1234"))))));
        HttpResponse<String> answer = event("""
                {"specversion":"1.0","type":"sap.s4.beh.businesspartner.v1.BusinessPartner.Changed.v1",
                 "source":"/default/sap.s4.beh/S4HCLNT100","id":"a3c1e9f0-0000-4000-8000-000000001234",
                 "time":"2026-11-30T11:30:15Z","datacontenttype":"application/json",
                 "data":{"BusinessPartner":"%s"}}""".formatted(key(1234)));
        assertThat(answer.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> portal().size() == before + 1);
        Thread.sleep(1500);
        List<JsonNode> after = portal();
        assertThat(after).hasSize(before + 1);
        JsonNode changed = after.stream().filter(m -> m.path("key").asText().equals("1234")
                && m.path("occurredAt").asText().equals("2026-11-30T11:30:15Z")).findFirst().orElseThrow();
        assertThat(changed.path("body").path("contacts").get(0).path("lastName").asText()).isEqualTo("Neuname1234");
        assertThat(changed.path("body").path("company").path("name").asText()).isEqualTo("Vorname1234 Neuname1234");

        // change polling: a partner changed now is returned by every poll (the watermark stays change-overlap behind
        // the clock, and ties are read with "ge"), yet delivered once; the filter names the watermark from the database
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.LocalTime at = now.atOffset(java.time.ZoneOffset.UTC).toLocalTime();
        ObjectNode recent = partner(service, 1301, false, String.format("PT%02dH%02dM%02dS", at.getHour(), at.getMinute(), at.getSecond()))
                .put("LastChangeDate", "/Date(" + now.atOffset(java.time.ZoneOffset.UTC).toLocalDate()
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() + ")/")
                .put("FirstName", "Geaendert1301");
        S4.stubFor(get(urlPathEqualTo(SET)).withQueryParam("$filter", containing("LastChangeDate"))
                .willReturn(okJson(CanonicalJson.write(CanonicalJson.mapper().createObjectNode().set("d",
                        CanonicalJson.mapper().createObjectNode().set("results", CanonicalJson.mapper().createArrayNode().add(recent)))))));
        int polled = S4.findAll(getRequestedFor(urlPathEqualTo(SET)).withQueryParam("$filter", containing("LastChangeDate"))).size();
        await().atMost(WAIT).until(() -> portal().stream().anyMatch(m -> m.path("key").asText().equals("1301")
                && m.path("body").path("contacts").path(0).path("firstName").asText().equals("Geaendert1301")));
        await().atMost(WAIT).until(() -> S4.findAll(getRequestedFor(urlPathEqualTo(SET))
                .withQueryParam("$filter", containing("LastChangeDate"))).size() >= polled + 3);
        assertThat(portal().stream().filter(m -> m.path("key").asText().equals("1301")
                && m.path("body").path("contacts").path(0).path("firstName").asText().equals("Geaendert1301"))).hasSize(1);
        java.time.Instant watermark = restarted.queryForObject("SELECT changed_since FROM s4_watermark WHERE source = 's4'",
                java.sql.Timestamp.class).toInstant();
        assertThat(watermark).isBefore(now);
        String filter = S4.findAll(getRequestedFor(urlPathEqualTo(SET)).withQueryParam("$filter", containing("LastChangeDate")))
                .stream().reduce((a, b) -> b).orElseThrow().queryParameter("$filter").firstValue();
        // the poll asked for changes at or after a watermark change-overlap (5 min) behind the clock, never past the change
        java.util.regex.Matcher since = java.util.regex.Pattern.compile("LastChangeDate eq datetime'(\\d{4}-\\d{2}-\\d{2})T00:00:00'"
                + " and LastChangeTime ge time'PT(\\d{2})H(\\d{2})M(\\d{2})S'").matcher(filter);
        assertThat(since.find()).as(filter).isTrue();
        java.time.Instant asked = java.time.LocalDate.parse(since.group(1)).atTime(Integer.parseInt(since.group(2)),
                Integer.parseInt(since.group(3)), Integer.parseInt(since.group(4))).toInstant(java.time.ZoneOffset.UTC);
        assertThat(asked).isBefore(now).isAfter(now.minus(Duration.ofMinutes(7)));
    }

    private static HttpResponse<String> event(String cloudEvent) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SeparateHub.port(hub) + "/api/v1/erp/s4/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("erp:test-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(cloudEvent)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> portal() {
        return DEST.findAll(postRequestedFor(urlPathEqualTo(PORTAL))).stream()
                .map(r -> CanonicalJson.read(r.getBodyAsString())).toList();
    }
}
