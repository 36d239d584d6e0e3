package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.werkbridge.WerkbridgeApplication;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.operator.TokenShapes;
import io.werkbridge.privacy.vault.Pseudonymizer;
import io.werkbridge.rights.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The life of a data-subject request through the real HTTP API of a hub of its own, whose rights clock the test
 * moves ({@link MutableClock}), with WireMock as the shop's, the portal's and the ERP's privacy endpoints (and as
 * the delivery destinations): a recipient down past the due date keeps the request open and overdue (listing,
 * metric) until it answers; a DPO closes another with a recorded reason; Idempotency-Key reuse with another request
 * is refused; input is strict; a request named by e-mail only is exported with its held and dead-lettered messages
 * and token values.
 */
class RightsLifecycleApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WireMockServer RECIPIENTS = new WireMockServer(wireMockConfig().dynamicPort());
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path data;
    private static ConfigurableApplicationContext hub;
    private static int port;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startHub() throws Exception {
        RECIPIENTS.start();
        RECIPIENTS.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(202)));
        RECIPIENTS.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(202)));
        for (String system : List.of("shop", "portal", "erp")) {
            answerNormally(system);
        }
        data = Files.createTempDirectory(Path.of("target"), "rights-lifecycle-").toAbsolutePath();
        String base = RECIPIENTS.baseUrl();
        hub = new SpringApplicationBuilder(WerkbridgeApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("rightsTestClock", CLOCK))
                .run("--server.port=0", "--spring.artemis.embedded.server-id=47", "--werkbridge.data-dir=" + data,
                        "--werkbridge.destinations.shop.url=" + base + "/shop/customers",
                        "--werkbridge.destinations.portal.url=" + base + "/portal/customers",
                        "--werkbridge.rights.systems.shop.url=" + base + "/rights/shop",
                        "--werkbridge.rights.systems.portal.url=" + base + "/rights/portal",
                        "--werkbridge.rights.systems.erp.url=" + base + "/rights/erp",
                        "--werkbridge.rights.retry-delay=1s", "--werkbridge.rights.max-retry-delay=1h",
                        "--werkbridge.rights.worker-interval=200",
                        // a second DPO: Idempotency-Keys are scoped to the caller
                        "--werkbridge.security.users.dpo-two.password={bcrypt}$2a$10$RPelkRpYtJmmTx4vtPLeaOyqmTd2C2q/hTyDCQ3YFaJI1AsX73LDW",
                        "--werkbridge.security.users.dpo-two.roles=DPO");
        port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        jdbc = hub.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        RECIPIENTS.stop();
    }

    private static void answerNormally(String system) {
        RECIPIENTS.stubFor(post(urlPathEqualTo("/rights/" + system)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"result\":\"done\",\"data\":{\"system\":\"" + system + "\",\"tickets\":[\"T-1\"]}}")));
    }

    @Test
    void aRecipientDownPastTheDueDateKeepsTheRequestOpenAndOverdueUntilItAnswersOrADpoClosesIt() throws Exception {
        RECIPIENTS.stubFor(post(urlPathEqualTo("/rights/portal")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String number = unique("RO");
        String kept = submit("{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\",\"email\":\"ro@example.com\"}}", "dpo", null);
        String closed = submit("{\"type\":\"portability\",\"subject\":{\"customerNumber\":\"" + number + "\"}}", "dpo", null);
        await().atMost(WAIT).until(() -> task(kept, "portal").path("attempts").asInt() >= 1 && task(closed, "portal").path("attempts").asInt() >= 1);
        assertThat(request(kept).path("overdue").asBoolean()).isFalse();
        assertThat(overdueIds()).doesNotContain(kept, closed);

        CLOCK.advance(Duration.ofDays(32));
        await().atMost(WAIT).until(() -> task(kept, "portal").path("lastError").asText().contains("overdue since"));
        JsonNode overdue = request(kept);
        assertThat(overdue.path("state").asText()).isEqualTo("OPEN");
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(task(kept, "portal").path("state").asText()).isEqualTo("PENDING");
        assertThat(task(kept, "shop").path("state").asText()).isEqualTo("DONE");
        assertThat(overdueIds()).contains(kept, closed);
        assertThat(overdueMetric()).isEqualTo(overdueIds().size()).isGreaterThanOrEqualTo(2);
        assertThat(payloadCipher(kept)).as("working data kept sealed while overdue").isNotNull().doesNotContain("ro@example.com");

        // a DPO closes the second with a reason: refused without one, recorded with it
        assertThat(send("POST", "/api/v1/rights/requests/" + closed + "/close", "{}", "application/json", "dpo", null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/rights/requests/" + closed + "/close", "{\"reason\":\"x\"}", "application/json", "operator", null)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> closing = send("POST", "/api/v1/rights/requests/" + closed + "/close",
                "{\"reason\":\"portal replaced; its operator confirmed in writing that it holds no data of this customer\"}",
                "application/json", "dpo", null);
        assertThat(closing.statusCode()).isEqualTo(200);
        JsonNode closedJson = CanonicalJson.read(closing.body());
        assertThat(closedJson.path("state").asText()).isEqualTo("CLOSED");
        assertThat(closedJson.path("overdue").asBoolean()).isFalse();
        assertThat(closedJson.path("closedBy").asText()).isEqualTo("dpo");
        assertThat(closedJson.path("closedReason").asText()).startsWith("portal replaced");
        assertThat(jdbc.queryForObject("SELECT closed_reason FROM rights_request WHERE id = ?", String.class, closed)).startsWith("portal replaced");
        assertThat(overdueIds()).contains(kept).doesNotContain(closed);
        int portalCallsForClosed = portalCalls(closed);

        // the portal comes back after the due date: the open request completes
        answerNormally("portal");
        CLOCK.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> request(kept).path("state").asText().equals("COMPLETED"));
        assertThat(request(kept).path("overdue").asBoolean()).isFalse();
        assertThat(overdueIds()).doesNotContain(kept, closed);
        assertThat(overdueMetric()).isEqualTo(overdueIds().size());
        assertThat(payloadCipher(kept)).as("working data wiped on completion").isNull();
        assertThat(payloadCipher(closed)).as("and when closed").isNull();
        JsonNode lastToPortal = lastBody("/rights/portal", number);
        assertThat(lastToPortal.path("type").asText()).isEqualTo("access");
        assertThat(lastToPortal.path("subject").path("email").asText()).isEqualTo("ro@example.com");
        JsonNode export = CanonicalJson.read(send("GET", "/api/v1/rights/requests/" + kept + "/export", null, null, "dpo", null).body());
        assertThat(export.path("systems").path("portal").path("data").path("tickets").get(0).asText()).isEqualTo("T-1");
        CLOCK.advance(Duration.ofHours(2));
        Thread.sleep(1000);
        assertThat(portalCalls(closed)).as("a closed request is not retried").isEqualTo(portalCallsForClosed);
        assertThat(request(closed).path("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aReusedIdempotencyKeyAnswersTheFirstRequestOnlyForTheSameRequestOfTheSameCaller() throws Exception {
        String number = unique("RI");
        String key = "k-" + UUID.randomUUID();
        String access = "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\"}}";
        HttpResponse<String> first = send("POST", "/api/v1/rights/requests", access, "application/json", "dpo", key);
        assertThat(first.statusCode()).isEqualTo(202);
        String id = CanonicalJson.read(first.body()).path("id").asText();
        HttpResponse<String> again = send("POST", "/api/v1/rights/requests",
                "{ \"subject\": {\"customerNumber\": \"" + number + "\"},\n \"type\": \"access\" }", "application/json", "dpo", key);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(CanonicalJson.read(again.body()).path("id").asText()).isEqualTo(id);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/rights/requests/" + id);

        HttpResponse<String> erasure = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"erasure\",\"subject\":{\"customerNumber\":\"" + number + "\"}}", "application/json", "dpo", key);
        assertThat(erasure.statusCode()).isEqualTo(422);
        assertThat(erasure.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = CanonicalJson.read(erasure.body());
        assertThat(problem.path("title").asText()).contains("Idempotency-Key reused");
        assertThat(problem.path("detail").asText()).contains("different request");
        assertThat(erasure.body()).doesNotContain(number).doesNotContain(key);
        assertThat(jdbc.queryForList("SELECT type FROM rights_request WHERE customer_number = ?", String.class, number)).containsExactly("ACCESS");

        HttpResponse<String> otherCaller = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"erasure\",\"subject\":{\"customerNumber\":\"" + number + "\"}}", "application/json", "dpo-two", key);
        assertThat(otherCaller.statusCode()).as("keys are scoped to the caller").isEqualTo(202);
        assertThat(CanonicalJson.read(otherCaller.body()).path("id").asText()).isNotEqualTo(id);
        await().atMost(WAIT).until(() -> !bodies("/rights/erp", number).isEmpty()
                && bodies("/rights/erp", number).stream().anyMatch(b -> b.path("type").asText().equals("erasure")));
        assertThat(bodies("/rights/erp", number)).extracting(b -> b.path("type").asText()).containsExactlyInAnyOrder("access", "erasure");
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM rights_request WHERE customer_number = ?", String.class, number))
                .as("the key is stored as a keyed hash of caller and key").allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}"));
        assertThat(jdbc.queryForList("SELECT request_hash FROM rights_request WHERE customer_number = ?", String.class, number))
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }

    @Test
    void inputIsStrictAndLargeCorrectionsAreStored() throws Exception {
        String number = unique("RS");
        HttpResponse<String> text = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\"}}", "text/plain", "dpo", null);
        assertThat(text.statusCode()).isEqualTo(415);

        HttpResponse<String> unknownField = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\",\"phone\":\"+49 521 5550 7788\"}}", "application/json", "dpo", null);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(CanonicalJson.read(unknownField.body()).path("detail").asText()).contains("unknown field 'phone'");
        assertThat(unknownField.body()).doesNotContain("5550 7788").doesNotContain(number);
        HttpResponse<String> unknownTop = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"note\":\"synthetic-secret\"}", "application/json", "dpo", null);
        assertThat(unknownTop.statusCode()).isEqualTo(400);
        assertThat(unknownTop.body()).contains("unknown field 'note'").doesNotContain("synthetic-secret");
        HttpResponse<String> strayCorrections = send("POST", "/api/v1/rights/requests", "{\"type\":\"erasure\",\"subject\":{\"customerNumber\":\""
                + number + "\"},\"corrections\":{\"contacts\":[{\"id\":\"K-1\",\"lastName\":\"Neuname\"}]}}", "application/json", "dpo", null);
        assertThat(strayCorrections.statusCode()).isEqualTo(400);
        assertThat(strayCorrections.body()).contains("rectification only").doesNotContain("Neuname");

        HttpResponse<String> noSuchPurpose = send("POST", "/api/v1/rights/requests",
                "{\"type\":\"objection\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"purpose\":\"telepathic-marketing\"}",
                "application/json", "dpo", null);
        assertThat(noSuchPurpose.statusCode()).isEqualTo(400);
        assertThat(CanonicalJson.read(noSuchPurpose.body()).path("detail").asText()).contains("unknown purpose").contains("online-shop")
                .doesNotContain("telepathic-marketing");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rights_request WHERE customer_number = ?", Integer.class, number)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subject_restriction WHERE subject_ref = ?", Integer.class, number)).isZero();
        String objection = submit("{\"type\":\"objection\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"purpose\":\"online-shop\"}", "dpo", null);
        assertThat(request(objection).path("state").asText()).isEqualTo("ACTIVE");

        // about 11 KB of corrections (the former column held 8,000 characters of ciphertext, about 6 KB)
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"id\":\"K-").append(i).append("\",\"lastName\":\"Neuname-").append(i)
                    .append("\",\"function\":\"Leitung Einkauf und Disposition, Standort ").append(i).append(" (synthetisch)\",")
                    .append("\"remarks\":\"").append("Korrektur laut Schreiben vom 2026-11-20, ".repeat(4)).append("\"}");
        }
        String rectification = "{\"type\":\"rectification\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"corrections\":{\"contacts\":["
                + contacts + "]}}";
        assertThat(rectification.length()).isGreaterThan(11_000);
        String id = submit(rectification, "dpo", null);
        assertThat(jdbc.queryForObject("SELECT payload_cipher FROM rights_request WHERE id = ?", String.class, id).length()).isGreaterThan(8_000);
        await().atMost(WAIT).until(() -> request(id).path("state").asText().equals("COMPLETED"));
        JsonNode toErp = lastBody("/rights/erp", number);
        assertThat(toErp.path("type").asText()).isEqualTo("rectification");
        assertThat(toErp.path("corrections").path("contacts")).hasSize(40);
    }

    @Test
    void aRequestByEmailOnlyIsExportedWithTheHeldAndDeadLetteredMessagesAndTheTokenValues() throws Exception {
        String number = unique("RE");
        String email = number.toLowerCase(Locale.ROOT) + "@example.com";
        String restriction = submit("{\"type\":\"restriction\",\"subject\":{\"customerNumber\":\"" + number + "\"},\"purpose\":\"online-shop\"}", "dpo", null);
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", email, "synthetische Bemerkung"));
        await().atMost(WAIT).until(() -> !bodies("/portal/customers", number).isEmpty());
        await().atMost(WAIT).until(() -> send("GET", "/api/v1/holds/customer-master/shop", null, null, "operator", null).body()
                .contains("active restriction"));
        // the portal refuses a later change: dead-lettered after the redeliveries
        var portalDown = RECIPIENTS.stubFor(post(urlPathEqualTo("/portal/customers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.body.customerNumber", equalTo(number)))
                .willReturn(aResponse().withStatus(400)));
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-21T09:00:00Z", email, "synthetische Bemerkung"));
        await().atMost(WAIT).until(() -> CanonicalJson.read(send("GET", "/api/v1/operations/dead-letters/customer-master", null, null,
                "operator", null).body()).size() == 1);
        RECIPIENTS.removeStub(portalDown);
        String token = hub.getBean(Pseudonymizer.class).tokenize(email, TokenShapes.Shape.EMAIL, Set.of(number, "K-17"));

        String access = submit("{\"type\":\"access\",\"subject\":{\"email\":\"" + email + "\"}}", "dpo", null);
        await().atMost(WAIT).until(() -> request(access).path("state").asText().equals("COMPLETED"));
        HttpResponse<String> exported = send("GET", "/api/v1/rights/requests/" + access + "/export", null, null, "dpo", null);
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode export = CanonicalJson.read(exported.body());
        JsonNode own = export.path("systems").path("werkbridge").path("data");
        assertThat(texts(own.path("subjectRefs"))).containsExactlyInAnyOrder(number, "K-17");
        assertThat(own.path("tokens")).anySatisfy(t -> {
            assertThat(t.path("token").asText()).isEqualTo(token);
            assertThat(t.path("value").asText()).isEqualTo(email);
        });
        JsonNode parked = own.path("parkedMessages");
        assertThat(parked).extracting(m -> m.path("kind").asText()).containsExactlyInAnyOrder("dead-letter", "held", "held");
        JsonNode dead = StreamSupport.stream(parked.spliterator(), false).filter(m -> m.path("kind").asText().equals("dead-letter"))
                .findFirst().orElseThrow();
        assertThat(dead.path("flow").asText()).isEqualTo("customer-master");
        assertThat(dead.path("message").path("body").path("contacts").get(0).path("email").asText()).matches("\\*+");
        JsonNode held = StreamSupport.stream(parked.spliterator(), false).filter(m -> m.path("kind").asText().equals("held"))
                .findFirst().orElseThrow();
        assertThat(held.path("flow").asText()).isEqualTo("customer-master");
        assertThat(held.path("destination").asText()).isEqualTo("shop");
        assertThat(held.path("reason").asText()).contains("active restriction");
        JsonNode contact = held.path("message").path("body").path("contacts").get(0);
        assertThat(contact.path("email").asText()).as("masked as the operators' view masks it").matches("\\*+").hasSize(email.length());
        assertThat(CanonicalJson.write(parked)).doesNotContain("Musterfrau").doesNotContain("5550 1234").doesNotContain(email)
                .doesNotContain("synthetische Bemerkung");
        assertThat(export.path("recipients")).extracting(r -> r.path("destination").asText()).contains("portal");
        JsonNode toShop = lastBody("/rights/shop", null, email);
        assertThat(toShop.path("type").asText()).isEqualTo("access");
        assertThat(toShop.path("subject").path("customerNumber").isNull()).isTrue();
        assertThat(send("POST", "/api/v1/rights/requests/" + restriction + "/lift", null, null, "dpo", null).statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private static String submit(String body, String user, String key) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/rights/requests", body, "application/json", user, key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return CanonicalJson.read(created.body()).path("id").asText();
    }

    private static JsonNode request(String id) throws Exception {
        return CanonicalJson.read(send("GET", "/api/v1/rights/requests/" + id, null, null, "dpo", null).body());
    }

    private static JsonNode task(String id, String system) throws Exception {
        for (JsonNode task : request(id).path("tasks")) {
            if (system.equals(task.path("system").asText())) {
                return task;
            }
        }
        throw new AssertionError("no task " + system);
    }

    private static List<String> overdueIds() throws Exception {
        HttpResponse<String> listed = send("GET", "/api/v1/rights/requests?overdue=true&limit=1000", null, null, "dpo", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode list = CanonicalJson.read(listed.body());
        list.forEach(r -> assertThat(r.path("overdue").asBoolean()).isTrue());
        return StreamSupport.stream(list.spliterator(), false).map(r -> r.path("id").asText()).toList();
    }

    private static int overdueMetric() throws Exception {
        String metrics = send("GET", "/actuator/prometheus", null, null, "operator", null).body();
        return metrics.lines().filter(l -> l.startsWith("werkbridge_rights_overdue "))
                .map(l -> (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no werkbridge_rights_overdue gauge"));
    }

    private static String payloadCipher(String id) {
        return jdbc.queryForObject("SELECT payload_cipher FROM rights_request WHERE id = ?", String.class, id);
    }

    private static int portalCalls(String requestId) {
        // the worker's calls for one request: the portal's requests are told apart by their type
        String type = jdbc.queryForObject("SELECT type FROM rights_request WHERE id = ?", String.class, requestId).toLowerCase(Locale.ROOT);
        String number = jdbc.queryForObject("SELECT customer_number FROM rights_request WHERE id = ?", String.class, requestId);
        return (int) bodies("/rights/portal", number).stream().filter(b -> b.path("type").asText().equals(type)).count();
    }

    /** Bodies received at a path about one customer (null: any), oldest first. */
    private static List<JsonNode> bodies(String path, String customerNumber) {
        List<JsonNode> out = new ArrayList<>();
        RECIPIENTS.getAllServeEvents().forEach(event -> {
            if (!event.getRequest().getUrl().equals(path)) {
                return;
            }
            JsonNode body = CanonicalJson.read(event.getRequest().getBodyAsString());
            String number = body.has("subject") ? body.path("subject").path("customerNumber").asText(null)
                    : body.path("body").path("customerNumber").asText(null);
            if (customerNumber == null || customerNumber.equals(number)) {
                out.add(0, body);
            }
        });
        return out;
    }

    private static JsonNode lastBody(String path, String customerNumber) {
        List<JsonNode> all = bodies(path, customerNumber);
        assertThat(all).as("requests at " + path).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static JsonNode lastBody(String path, String customerNumber, String email) {
        return bodies(path, customerNumber).stream().filter(b -> email.equals(b.path("subject").path("email").asText()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no request at " + path + " for the e-mail"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType, String user, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + SoapRequests.ERP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
