package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.WerkbridgeApplication;
import io.werkbridge.model.CanonicalJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running hub for all flow tests (the same configuration, so Spring caches one context), with WireMock
 * playing the shop, the portal, the ERP's machine-event endpoint, the app backend and the map. The stubs are started once per JVM and reset before each test.
 */
@CamelSpringBootTest
@SpringBootTest(classes = WerkbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubTestSupport {

    protected static final WireMockServer SHOP = start();
    protected static final WireMockServer PORTAL = start();
    protected static final WireMockServer ERP = start();
    /** The customer app's backend (push messages) and the map location indicator. */
    protected static final WireMockServer APP = start();
    protected static final WireMockServer MAPS = start();
    /** The serial interfaces' programmers: /gose/link-diagnostics and /diplexa/link-diagnostics. */
    protected static final WireMockServer SERIAL_SUPPORT = start();
    /** The controller's ERP/PDM program archive: /pdm/nc-programs. */
    protected static final WireMockServer PDM = start();
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

    @LocalServerPort
    protected int port;

    /** The ERP's one circuit breaker: closed again before each test, so one test's ERP failures do not leak into the next. */
    @Autowired
    protected CircuitBreaker erpCircuitBreaker;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("werkbridge.data-dir", DATA::toString);
        registry.add("werkbridge.destinations.shop.url", () -> SHOP.baseUrl() + "/shop/customers");
        registry.add("werkbridge.destinations.portal.url", () -> PORTAL.baseUrl() + "/portal/customers");
        registry.add("werkbridge.destinations.portal.machine-url", () -> PORTAL.baseUrl() + "/portal/machine-events");
        registry.add("werkbridge.destinations.portal.invoice-url", () -> PORTAL.baseUrl() + "/portal/invoices");
        registry.add("werkbridge.destinations.portal.service-report-url", () -> PORTAL.baseUrl() + "/portal/service-reports");
        registry.add("werkbridge.destinations.erp.machine-url", () -> ERP.baseUrl() + "/erp/machine-events");
        registry.add("werkbridge.destinations.erp.url", () -> ERP.baseUrl() + ErpServiceStubs.PATH);
        registry.add("werkbridge.destinations.app.url", () -> APP.baseUrl() + "/app/push");
        registry.add("werkbridge.destinations.maps.url", () -> MAPS.baseUrl() + "/maps/machine-locations");
        registry.add("werkbridge.destinations.serial-support.gose-url", () -> SERIAL_SUPPORT.baseUrl() + "/gose/link-diagnostics");
        registry.add("werkbridge.destinations.serial-support.diplexa-url", () -> SERIAL_SUPPORT.baseUrl() + "/diplexa/link-diagnostics");
        registry.add("werkbridge.destinations.pdm.nc-program-url", () -> PDM.baseUrl() + "/pdm/nc-programs");
        MachinePeers.register(registry);
    }

    /** HTTP calls to this hub's API as one of the test clients. */
    protected ApiCalls api() {
        return new ApiCalls(port);
    }

    @BeforeEach
    void resetStubs() {
        for (WireMockServer server : List.of(SHOP, PORTAL, ERP, APP, MAPS, SERIAL_SUPPORT, PDM, MachinePeers.MTCONNECT_AGENT)) {
            server.resetAll();
        }
        SHOP.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(202)));
        PORTAL.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(202)));
        PORTAL.stubFor(post(urlPathEqualTo("/portal/machine-events")).willReturn(aResponse().withStatus(202)));
        PORTAL.stubFor(post(urlPathEqualTo("/portal/invoices")).willReturn(aResponse().withStatus(202)));
        PORTAL.stubFor(post(urlPathEqualTo("/portal/service-reports")).willReturn(aResponse().withStatus(202)));
        ERP.stubFor(post(urlPathEqualTo("/erp/machine-events")).willReturn(aResponse().withStatus(202)));
        APP.stubFor(post(urlPathEqualTo("/app/push")).willReturn(aResponse().withStatus(202)));
        PDM.stubFor(post(urlPathEqualTo("/pdm/nc-programs")).willReturn(aResponse().withStatus(202)));
        MAPS.stubFor(post(urlPathEqualTo("/maps/machine-locations")).willReturn(aResponse().withStatus(202)));
        SERIAL_SUPPORT.stubFor(post(urlPathEqualTo("/gose/link-diagnostics")).willReturn(aResponse().withStatus(202)));
        SERIAL_SUPPORT.stubFor(post(urlPathEqualTo("/diplexa/link-diagnostics")).willReturn(aResponse().withStatus(202)));
        ErpServiceStubs.defaults(ERP);
        erpCircuitBreaker.reset();
    }

    /**
     * Waits (up to 30 s) for the first machine event of a machine at a stub whose {@code values} has {@code value}
     * and passes {@code test} (given the whole values object).
     */
    protected static JsonNode awaitMachineEvent(WireMockServer server, String machineNumber, String value,
                                                Predicate<JsonNode> test) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> machineEvents(server, machineNumber).stream()
                        .filter(e -> e.path("body").path("values").has(value))
                        .filter(e -> test.test(e.path("body").path("values")))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The same for a value that equals {@code expected} as text. */
    protected static JsonNode awaitMachineEvent(WireMockServer server, String machineNumber, String value, String expected) {
        return awaitMachineEvent(server, machineNumber, value, v -> expected.equals(v.path(value).asText()));
    }

    /** Machine events delivered to a stub, in arrival order, for one machine number. */
    protected static List<JsonNode> machineEvents(WireMockServer server, String machineNumber) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/machine-events"))
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> machineNumber.equals(m.path("body").path("machineNumber").asText()))
                .toList();
    }

    /** Bodies delivered to a stub, in arrival order (WireMock lists the newest first), for messages about one customer. */
    protected static List<JsonNode> delivered(WireMockServer server, String customerNumber) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream()
                .map(e -> CanonicalJson.read(e.getRequest().getBodyAsString()))
                .filter(m -> customerNumber.equals(m.path("body").path("customerNumber").asText()))
                .toList();
    }
}
