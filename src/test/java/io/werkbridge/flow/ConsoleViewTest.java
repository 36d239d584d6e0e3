package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.console.ConsoleSeries;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.privacy.gate.PolicyStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's flow map and time series as JSON, after real deliveries to the WireMock destinations: the map names
 * every configured destination with the processor and country the policy in force gives it, the sources are the
 * running routes and HTTP endpoints that publish to the flow, a held message turns its destination's state to held; the series count the
 * delivery, its latency and the gate's decisions per category.
 */
class ConsoleViewTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private final HttpClient operator = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final HttpClient dpo = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Autowired
    ConsoleSeries series;
    @Autowired
    PolicyStore policies;
    @Autowired
    JdbcSubjectRestrictions restrictions;
    @Autowired
    org.apache.camel.CamelContext hub;

    @Test
    void mapShowsEveryConfiguredDestinationWithItsProcessorAndTheRunningSources() throws Exception {
        JsonNode map = map();
        assertThat(map.path("policyVersion").asText()).isEqualTo(policies.policy().version());
        JsonNode customers = flow(map, "customer-master");
        assertThat(ids(customers.path("destinations"), "id")).containsExactly("shop", "portal");
        JsonNode shop = destination(customers, "shop");
        assertThat(shop.path("processor").asText()).isEqualTo("gab-exactlyit");
        assertThat(shop.path("processorName").asText()).isEqualTo("GAB ExactlyIT Solutions GmbH");
        assertThat(shop.path("country").asText()).isEqualTo("DE");
        JsonNode portal = destination(customers, "portal");
        var werkbliq = policies.policy().processor(policies.policy().destination("portal").orElseThrow().processor()).orElseThrow();
        assertThat(portal.path("processorName").asText()).isEqualTo(werkbliq.name());
        assertThat(portal.path("country").asText()).isEqualTo(werkbliq.country());
        // sources: found by following the running routes to the flow's publish route and inbound queue, and the
        // HTTP endpoints marked as feeding a flow; never the connectors' own direct: routes
        assertThat(ids(customers.path("sources"), "name")).contains("customer-master", "s4-business-partners", "erp-inbox", "ERP")
                .doesNotContain("shop-customers", "customer-master-upsert");
        assertThat(source(customers, "customer-master").path("kind").asText()).isEqualTo("SOAP service");
        assertThat(source(customers, "erp-inbox").path("kind").asText()).isEqualTo("file inbox");
        assertThat(source(customers, "ERP").path("detail").asText()).isEqualTo("POST /api/v1/erp/idoc");
        for (JsonNode source : customers.path("sources")) {
            if (source.path("detail").asText().startsWith("route ")) {
                assertThat(source.path("status").asText()).isEqualTo(hub.getRouteController()
                        .getRouteStatus(source.path("detail").asText().substring(6)).name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(ids(flow(map, "invoices").path("sources"), "name")).contains("erp-documents", "erp-inbox", "ERP");
        assertThat(source(flow(map, "invoices"), "ERP").path("detail").asText())
                .contains("POST /api/v1/erp/cii", "POST /api/v1/erp/ubl", "POST /api/v1/erp/zugferd");
        assertThat(ids(flow(map, "service-reports").path("sources"), "name")).containsExactly("erp-documents");
        assertThat(source(flow(map, "orders"), "shop").path("detail").asText())
                .isEqualTo("POST /api/v1/shop/orders, POST /api/v1/shop/webhooks/orders");
        assertThat(source(flow(map, "service-tickets"), "portal").path("detail").asText()).isEqualTo("POST /api/v1/portal/service-tickets");
        assertThat(source(flow(map, "serial-diagnostics"), "operator").path("detail").asText())
                .isEqualTo("POST /api/v1/machines/{id}/serial-diagnostics");
        // the machines: one source per protocol (the template their routes were made from), not one per machine
        JsonNode machines = flow(map, "machine-data");
        assertThat(ids(machines.path("sources"), "name")).contains("machine-serial", "machine-opcua", "machine-mtconnect")
                .doesNotContain("machine-opcua-heartbeat");
        assertThat(source(machines, "machine-opcua").path("kind").asText()).isEqualTo("OPC UA");
        assertThat(map.path("rights").path("endpoints").toString()).contains("POST /api/v1/rights/requests");
        assertThat(ids(map.path("rights").path("systems"), "")).isNotEmpty();
        assertThat(map.path("rights").path("systems").toString()).contains("werkbridge");
        assertThat(ids(flow(map, "orders").path("destinations"), "id")).containsExactly("erp");
        assertThat(ids(map.path("breakers"), "name")).contains("erp");
        assertThat(api().get("/console/map", "erp").statusCode()).isIn(401, 403);
        // the expired parkings for the DPO: a console endpoint like the map, not for an API client
        assertThat(consoleGet(dpo, "dpo", "/console/expired").isArray()).isTrue();
        assertThat(api().get("/console/expired", "erp").statusCode()).isIn(401, 403);
    }

    @Test
    void aHeldMessageTurnsItsDestinationToHeld() throws Exception {
        String number = "V-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        restrictions.add(number, "online-shop", Kind.RESTRICTION);
        try {
            SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "v@example.com", "x"));
            await().atMost(WAIT).until(() -> delivered(PORTAL, number).size() == 1);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode shop = destination(flow(map(), "customer-master"), "shop");
                assertThat(shop.path("state").asText()).isEqualTo("held");
                assertThat(shop.path("held").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(shop.path("stateText").asText()).endsWith("held by the privacy gate");
            });
            assertThat(map().toString()).doesNotContain(number).doesNotContain("v@example.com");
        } finally {
            restrictions.lift(number, "online-shop", Kind.RESTRICTION);
            api().post("/api/v1/holds/customer-master/shop/release", "operator");
        }
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1);
        await().atMost(WAIT).until(() -> destination(flow(map(), "customer-master"), "shop").path("held").asInt() == 0);
    }

    @Test
    void seriesCountTheDeliveryItsLatencyAndTheGatesDecisions() throws Exception {
        series.sample();
        JsonNode before = seriesJson();
        String number = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "s@example.com", "x"));
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            series.sample();
            JsonNode after = seriesJson();
            assertThat(after.path("times").size()).isEqualTo(after.path("series").path("rate|customer-master").size());
            // at least: the hub is shared with other test classes whose traffic lands in the same window
            assertThat(sum(after, "delivered|customer-master/shop") - sum(before, "delivered|customer-master/shop"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sum(after, "rate|customer-master")).isGreaterThan(0);
            assertThat(sum(after, "decision|shop|communication.phone|masked")
                    - sum(before, "decision|shop|communication.phone|masked")).isGreaterThanOrEqualTo(1);
            assertThat(sum(after, "decision|shop|billing.bank-account|dropped")
                    - sum(before, "decision|shop|billing.bank-account|dropped")).isGreaterThanOrEqualTo(1);
            List<Double> p50 = values(after, "p50|customer-master/portal");
            List<Double> p99 = values(after, "p99|customer-master/portal");
            assertThat(p50).isNotEmpty().anyMatch(v -> v != null && v > 0);
            for (int i = 0; i < p50.size(); i++) {
                if (p50.get(i) != null) {
                    assertThat(p99.get(i)).isGreaterThanOrEqualTo(p50.get(i));
                }
            }
        });
        assertThat(seriesJson().toString()).doesNotContain(number).doesNotContain("s@example.com");
        // what a page that has the window asks for next: only the samples after its last one
        JsonNode all = seriesJson();
        String last = all.path("times").get(all.path("times").size() - 1).asText();
        series.sample();
        JsonNode fresh = consoleGet(dpo, "dpo", "/console/series?after=" + URLEncoder.encode(last, StandardCharsets.UTF_8));
        // one sample, or two when the hub's own sampler ticked in between
        assertThat(fresh.path("times").size()).isBetween(1, 2);
        fresh.path("times").forEach(t -> assertThat(java.time.Instant.parse(t.asText())).isAfter(java.time.Instant.parse(last)));
        fresh.path("series").forEach(column -> assertThat(column.size()).isEqualTo(fresh.path("times").size()));
        assertThat(fresh.path("capacity").asInt()).isEqualTo(360);
    }

    private JsonNode map() throws Exception {
        return consoleGet(operator, "operator", "/console/map");
    }

    private JsonNode seriesJson() throws Exception {
        return consoleGet(dpo, "dpo", "/console/series");
    }

    /** A GET in a signed-in console session (the console's endpoints take no Basic credentials). */
    private JsonNode consoleGet(HttpClient browser, String user, String path) throws Exception {
        HttpResponse<String> response = browser.send(request(path).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            Matcher token = CSRF_FIELD.matcher(browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(token.find()).isTrue();
            String form = "username=" + user + "&password=test-secret&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            assertThat(browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
            response = browser.send(request(path).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return api().json(response);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static JsonNode flow(JsonNode map, String id) {
        for (JsonNode flow : map.path("flows")) {
            if (flow.path("id").asText().equals(id)) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + id + " on the map");
    }

    private static JsonNode destination(JsonNode flow, String id) {
        for (JsonNode destination : flow.path("destinations")) {
            if (destination.path("id").asText().equals(id)) {
                return destination;
            }
        }
        throw new AssertionError("no destination " + id);
    }

    private static JsonNode source(JsonNode flow, String name) {
        for (JsonNode source : flow.path("sources")) {
            if (source.path("name").asText().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source " + name + " of " + flow.path("id").asText() + ": " + flow.path("sources"));
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field.isEmpty() ? n.asText() : n.path(field).asText()));
        return out;
    }

    private static List<Double> values(JsonNode series, String key) {
        List<Double> out = new ArrayList<>();
        series.path("series").path(key).forEach(n -> out.add(n.isNull() ? null : n.asDouble()));
        return out;
    }

    private static double sum(JsonNode series, String key) {
        return values(series, key).stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
    }
}
