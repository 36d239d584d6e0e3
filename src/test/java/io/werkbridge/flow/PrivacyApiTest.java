package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register, preview and audit API over real HTTP on the running hub, as operator, dpo, erp and nobody. */
class PrivacyApiTest extends HubTestSupport {

    @Autowired
    CamelContext camel;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = SoapRequests.ERP_PASSWORD;
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void everyEndpointNeedsCredentialsAndTheRightRole() throws Exception {
        for (String path : List.of("/api/v1/privacy/destinations", "/api/v1/privacy/processors", "/api/v1/audit/verify",
                "/api/v1/audit/disclosures")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(get(path, "erp").statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, "dpo").statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/api/v1/privacy/destinations", "/api/v1/privacy/processors", "/api/v1/audit/verify")) {
            assertThat(get(path, "operator").statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> operatorReadsLog = get("/api/v1/audit/disclosures", "operator");
        assertThat(operatorReadsLog.statusCode()).isEqualTo(403);
        assertThat(CanonicalJson.read(operatorReadsLog.body()).path("status").asInt()).isEqualTo(403);
        assertThat(preview("shop", "{}", null).statusCode()).isEqualTo(401);
        assertThat(preview("shop", "{}", "erp").statusCode()).isEqualTo(403);
    }

    @Test
    void destinationRegisterAsJsonCsvAndMarkdown() throws Exception {
        HttpResponse<String> response = get("/api/v1/privacy/destinations", "operator");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode shop = byField(CanonicalJson.read(response.body()), "id", "shop");
        assertThat(shop.path("processor").asText()).isEqualTo("gab-exactlyit");
        assertThat(shop.path("processorName").asText()).isEqualTo("GAB ExactlyIT Solutions GmbH");
        assertThat(shop.path("country").asText()).isEqualTo("DE");
        assertThat(shop.path("transferMechanism").asText()).isEqualTo("eu-eea");
        assertThat(shop.path("contract").path("reference").asText()).isEqualTo("SAMPLE-DPA-GAB-001");
        assertThat(shop.path("contract").path("sample").asBoolean()).isTrue();
        assertThat(shop.path("contract").path("validTo").asText()).isEqualTo("2028-12-31");
        assertThat(shop.path("contract").path("status").asText()).isEqualTo("active");
        assertThat(shop.path("purpose").asText()).isEqualTo("online-shop");
        assertThat(shop.path("legalBasis").asText()).isEqualTo("Art. 6(1)(b) GDPR (contract)");
        JsonNode phone = byField(shop.path("actions"), "category", "communication.phone");
        assertThat(phone.path("action").asText()).isEqualTo("mask");
        assertThat(phone.path("keep").asInt()).isEqualTo(4);
        assertThat(byField(shop.path("actions"), "category", "voluntary.remarks").path("action").asText()).isEqualTo("drop");
        assertThat(byField(shop.path("actions"), "category", "status.contact-id").path("action").asText()).isEqualTo("hash");

        HttpResponse<String> csv = get("/api/v1/privacy/destinations?format=csv", "dpo");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("werkbridge-destinations.csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("destination,processor,processor_name,country,transfer_mechanism,contract_reference");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop,gab-exactlyit,GAB ExactlyIT Solutions GmbH,DE,eu-eea,SAMPLE-DPA-GAB-001,true,2024-01-01,2028-12-31,active,online-shop,")
                .endsWith(",communication.phone,true,mask,4,explicit,customer-master shop-pull,routed"));

        HttpResponse<String> md = get("/api/v1/privacy/destinations?format=md", "operator");
        assertThat(md.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(md.body()).startsWith("# Werkbridge destinations").contains("| shop | gab-exactlyit | GAB ExactlyIT Solutions GmbH |")
                .contains("| communication.phone | true | mask | 4 | explicit |");

        HttpResponse<String> unknownFormat = get("/api/v1/privacy/destinations?format=xls", "operator");
        assertThat(unknownFormat.statusCode()).isEqualTo(400);
        assertThat(unknownFormat.body()).contains("format");
    }

    @Test
    void registerListsTheFlowsOfTheRunningRoutesForEachDestination() throws Exception {
        JsonNode destinations = CanonicalJson.read(get("/api/v1/privacy/destinations", "operator").body());
        JsonNode app = byField(destinations, "id", "app");
        assertThat(texts(app.path("flows"))).containsExactly("machine-data", "service-tickets");
        assertThat(texts(app.path("routes"))).containsExactly("machine-data-to-app", "service-tickets-to-app");
        assertThat(app.path("delivery").asText()).isEqualTo("routed");
        assertThat(texts(byField(destinations, "id", "portal").path("flows")))
                .containsExactly("customer-master", "invoices", "machine-data", "service-reports");
        assertThat(texts(byField(destinations, "id", "shop").path("routes"))).containsExactly("customer-master-to-shop", "shop-customer-pull");
        assertThat(texts(byField(destinations, "id", "maps").path("flows"))).containsExactly("machine-data");
        assertThat(texts(byField(destinations, "id", "erp").path("flows")))
                .containsExactly("machine-data", "orders", "service-tickets");
        assertThat(destinations.findValuesAsText("id")).doesNotContain("user-tours");

        // stopped, the map's route delivers nothing, and the register says so at once
        try {
            camel.getRouteController().stopRoute("machine-data-to-maps");
            JsonNode maps = byField(CanonicalJson.read(get("/api/v1/privacy/destinations", "operator").body()), "id", "maps");
            assertThat(maps.path("delivery").asText()).isEqualTo("no route");
            assertThat(maps.path("routes")).isEmpty();
        } finally {
            camel.getRouteController().startRoute("machine-data-to-maps");
        }
        assertThat(byField(CanonicalJson.read(get("/api/v1/privacy/destinations", "operator").body()), "id", "maps")
                .path("delivery").asText()).isEqualTo("routed");

        JsonNode processors = CanonicalJson.read(get("/api/v1/privacy/processors", "dpo").body());
        for (String id : List.of("userlane", "microsoft-azure")) {
            JsonNode processor = byField(processors, "id", id);
            assertThat(processor.path("hubFlow").asText()).as(id).isEqualTo("no flow from the hub");
            assertThat(processor.path("noHubFlowReason").asText()).as(id).isNotBlank();
            assertThat(processor.path("destinations")).as(id).isEmpty();
            assertThat(processor.path("flows")).as(id).isEmpty();
        }
        assertThat(byField(processors, "id", "userlane").path("noHubFlowReason").asText()).contains("browser");
        JsonNode heroes = byField(processors, "id", "hybrid-heroes");
        assertThat(heroes.path("hubFlow").asText()).isEqualTo("routed");
        assertThat(texts(heroes.path("flows"))).containsExactly("machine-data", "service-tickets");
        String md = get("/api/v1/privacy/processors?format=md", "operator").body();
        assertThat(md.lines()).anySatisfy(line -> assertThat(line).startsWith("| userlane |").contains("| no flow from the hub |"));
    }

    @Test
    void processorRegisterListsContractsAndBoundDestinations() throws Exception {
        JsonNode processors = CanonicalJson.read(get("/api/v1/privacy/processors", "dpo").body());
        JsonNode gose = byField(processors, "id", "gose-consulting");
        assertThat(gose.path("country").asText()).isEqualTo("US");
        assertThat(gose.path("transferMechanism").asText()).isEqualTo("scc");
        assertThat(byField(processors, "id", "werkbliq").path("destinations").toString()).isEqualTo("[\"portal\"]");
        HttpResponse<String> csv = get("/api/v1/privacy/processors?format=csv", "operator");
        assertThat(csv.body().lines()).anySatisfy(line -> assertThat(line).startsWith("gose-consulting,GoSe Consulting LLC,")
                .contains(",US,").contains(",scc,SAMPLE-DPA-GOSE-001,true,"));
    }

    @Test
    void deliveredCustomerIsInTheLogForTheDpoAndTheChainIsIntact() throws Exception {
        String number = "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z",
                "erika.musterfrau@example.com", "Ruft nur vormittags an")).statusCode()).isEqualTo(200);
        String bySubject = "/api/v1/audit/disclosures?subject=" + number;
        await().atMost(Duration.ofSeconds(20)).until(() -> CanonicalJson.read(get(bySubject, "dpo").body()).size() == 2);

        HttpResponse<String> response = get(bySubject, "dpo");
        assertThat(response.body()).doesNotContain("Erika").doesNotContain("example.com").doesNotContain("vormittags");
        JsonNode records = CanonicalJson.read(response.body());
        JsonNode shop = byField(records, "destination", "shop");
        assertThat(shop.path("processor").asText()).isEqualTo("gab-exactlyit");
        assertThat(texts(shop.path("subjectRefs"))).containsExactlyInAnyOrder(number, "K-17");
        assertThat(texts(shop.path("categoriesMasked"))).contains("communication.phone", "status.contact-id");
        assertThat(texts(shop.path("categoriesDropped"))).contains("voluntary.remarks", "billing.bank-account");
        assertThat(shop.path("recordHash").asText()).matches("[0-9a-f]{64}");
        assertThat(shop.path("prevHash").asText()).matches("[0-9a-f]{64}");
        JsonNode onlyShop = CanonicalJson.read(get(bySubject + "&destination=shop&limit=1", "dpo").body());
        assertThat(onlyShop).hasSize(1);
        assertThat(onlyShop.get(0).path("id").asLong()).isEqualTo(shop.path("id").asLong());
        assertThat(CanonicalJson.read(get(bySubject + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", "dpo").body())).isEmpty();
        assertThat(CanonicalJson.read(get("/api/v1/audit/disclosures?subject=" + number.substring(0, 6), "dpo").body()))
                .as("a subject reference matches whole references only").isEmpty();

        JsonNode report = CanonicalJson.read(get("/api/v1/audit/verify", "operator").body());
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("checked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("firstBrokenId").isNull()).isTrue();
    }

    @Test
    void badQueryParametersAreProblemsThatDoNotEchoValues() throws Exception {
        for (String query : List.of("limit=0", "limit=1001", "from=yesterday-secret", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            HttpResponse<String> response = get("/api/v1/audit/disclosures?" + query, "dpo");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertProblem(response, 400);
            assertThat(response.body()).doesNotContain("yesterday-secret");
        }
    }

    @Test
    void previewShowsDecisionsAndReportsUnclassifiedFieldsWithoutTheirValues() throws Exception {
        ObjectNode customer = CustomerMasterFlowTest.canonicalCustomer("P-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) customer.path("body")).put("favouriteColour", "synthetic-secret-value");
        ((ObjectNode) customer.path("body").path("contacts").get(0)).put("phone", "+49 521 5550 9876");
        HttpResponse<String> response = preview("shop", CanonicalJson.write(customer), "operator");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("synthetic-secret-value").doesNotContain("5550 9876");
        JsonNode preview = CanonicalJson.read(response.body());
        assertThat(preview.path("destination").asText()).isEqualTo("shop");
        assertThat(preview.path("blocked").asBoolean()).isFalse();
        assertThat(preview.path("reason").isNull()).isTrue();
        assertThat(texts(preview.path("unclassified"))).containsExactly("favouriteColour");
        assertThat(preview.path("filtered").path("body").has("favouriteColour")).isFalse();
        assertThat(preview.path("filtered").path("body").path("contacts").get(0).path("phone").asText()).endsWith("9876").startsWith("*");
        JsonNode phone = byField(preview.path("decisions"), "path", "contacts[].phone");
        assertThat(phone.path("category").asText()).isEqualTo("communication.phone");
        assertThat(phone.path("action").asText()).isEqualTo("mask");
        JsonNode colour = byField(preview.path("decisions"), "path", "favouriteColour");
        assertThat(colour.path("category").asText()).isEqualTo("unclassified");
        assertThat(colour.path("action").asText()).isEqualTo("drop");

        JsonNode unknown = CanonicalJson.read(preview("nowhere", CanonicalJson.write(customer), "dpo").body());
        assertThat(unknown.path("blocked").asBoolean()).isTrue();
        assertThat(unknown.path("reason").asText()).contains("unknown destination 'nowhere'");
        assertThat(unknown.path("filtered").isNull()).isTrue();
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aPreviewThatTokenizesStoresNothingInTheVault() throws Exception {
        String email = "pv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ObjectNode customer = CustomerMasterFlowTest.canonicalCustomer("PV-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) customer.path("body").path("contacts").get(0)).put("email", email);
        int entries = jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault", Integer.class);
        int subjects = jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject", Integer.class);

        HttpResponse<String> first = preview("app", CanonicalJson.write(customer), "dpo");
        HttpResponse<String> second = preview("app", CanonicalJson.write(customer), "operator");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode preview = CanonicalJson.read(first.body());
        String token = preview.path("filtered").path("body").path("contacts").get(0).path("email").asText();
        assertThat(token).endsWith("@token.invalid").doesNotContain(email.substring(0, email.indexOf('@')));
        assertThat(byField(preview.path("decisions"), "path", "contacts[].email").path("action").asText()).isEqualTo("tokenize");
        assertThat(first.body()).doesNotContain(email);
        assertThat(second.body()).doesNotContain(email);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault", Integer.class)).as("no vault entry from a preview").isEqualTo(entries);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject", Integer.class)).isEqualTo(subjects);
    }

    @Test
    void invalidPreviewBodiesAreProblemsThatDoNotEchoValues() throws Exception {
        HttpResponse<String> malformed = preview("shop", "{\"messageId\": \"synthetic-secret-value", "operator");
        assertThat(malformed.statusCode()).isEqualTo(400);
        JsonNode problem = assertProblem(malformed, 400);
        assertThat(problem.path("detail").asText()).contains("not well-formed JSON");
        assertThat(malformed.body()).doesNotContain("synthetic-secret-value");

        ObjectNode customer = CustomerMasterFlowTest.canonicalCustomer("V-1");
        ((ObjectNode) customer.path("body").path("contacts").get(0)).put("email", 987654321);
        HttpResponse<String> invalid = preview("shop", CanonicalJson.write(customer), "operator");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(assertProblem(invalid, 400).path("detail").asText()).contains("email");
        assertThat(invalid.body()).doesNotContain("987654321");
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        JsonNode problem = CanonicalJson.read(response.body());
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return HTTP.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preview(String destination, String json, String user) throws IOException, InterruptedException {
        return HTTP.send(request("/api/v1/privacy/preview?destination=" + destination, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> value.equals(n.path(field).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no element with " + field + " = " + value + " in " + array));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
