package io.werkbridge.rights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.operator.TokenShapes.Shape;
import io.werkbridge.privacy.vault.DataKeys;
import io.werkbridge.privacy.vault.PseudonymVault;
import io.werkbridge.privacy.vault.SealedBox;
import io.werkbridge.rights.RightsRequest.State;
import io.werkbridge.rights.RightsRequest.TaskState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Data-subject requests end to end against WireMock playing the ERP, the shop and the portal, on a real (H2)
 * database with the real migrations, with a clock the test moves.
 */
class RightsRequestsTest {

    private static final byte[] KEY = "rights-test-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private final WireMockServer erp = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer shop = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer portal = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final AtomicInteger releases = new AtomicInteger();
    private DisclosureLog log;
    private PseudonymVault vault;
    private JdbcSubjectRestrictions restrictions;
    private RightsService service;
    private RightsWorker worker;
    private RightsStore store;
    private RightsExport export;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        for (WireMockServer server : List.of(erp, shop, portal)) {
            server.start();
            server.stubFor(post("/privacy").willReturn(aResponse().withStatus(200)
                    .withBody("{\"result\":\"done\",\"data\":{\"system\":\"" + (server == erp ? "erp" : server == shop ? "shop" : "portal") + "\"}}")));
        }
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        log = new DisclosureLog(ds);
        vault = new PseudonymVault(jdbc, KEY);
        restrictions = new JdbcSubjectRestrictions(new NamedParameterJdbcTemplate(ds));
        RightsProperties properties = new RightsProperties(Period.ofMonths(1), Duration.ofMinutes(1), Duration.ofDays(2), Map.of());
        RecipientGate gate = new RecipientGate(() -> new io.werkbridge.privacy.gate.PrivacyGate(io.werkbridge.privacy.PolicyFixtures.shipped(),
                new ValueOperators(KEY, vault), restrictions, clock), log, clock);
        Map<String, RightsTarget> external = new LinkedHashMap<>();
        external.put("erp", new HttpRightsTarget("erp", erp.baseUrl() + "/privacy", "werkbridge", "secret", gate));
        external.put("shop", new HttpRightsTarget("shop", shop.baseUrl() + "/privacy", null, null, gate));
        external.put("portal", new HttpRightsTarget("portal", portal.baseUrl() + "/privacy", null, null, gate));
        OwnStoresTarget own = new OwnStoresTarget(new DisclosureSearch(ds), vault, jdbc);
        Map<String, RightsTarget> all = new LinkedHashMap<>(external);
        all.put(own.system(), own);
        SealedBox box = new SealedBox(DataKeys.open(jdbc, KEY));
        store = new RightsStore(jdbc, clock);
        service = new RightsService(store, external, own, restrictions, new ValueOperators(KEY), box, properties, releases::incrementAndGet, clock);
        worker = new RightsWorker(store, all, box, properties, clock);
        export = new RightsExport(store, own, box, clock);
    }

    @AfterEach
    void tearDown() {
        List.of(erp, shop, portal).forEach(WireMockServer::stop);
    }

    private void disclosed(String destination, String processor, String... subjects) {
        log.append(new DisclosureRecord(clock.instant(), UUID.randomUUID().toString(), "customer", "100234", Set.of(subjects),
                destination, processor, "purpose-" + destination, "Art. 6(1)(b) GDPR", Set.of("master.name"), Set.of("communication.phone"),
                Set.of("billing.bank-account"), Set.of(), "v1"));
    }

    @Test
    void accessCollectsEverySystemAndListsTheRecipients() {
        disclosed("shop", "gab-exactlyit", "100234", "K-1");
        disclosed("portal", "werkbliq", "100234", "K-1");
        disclosed("portal", "werkbliq", "999999");
        RightsRequest request = service.submit(RightsRequestType.ACCESS, new SubjectIds("100234", "K-1", "erika@example.com"), null, null, null);
        assertThat(request.state()).isEqualTo(State.OPEN);
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-12-26T10:00:00Z"));
        assertThat(request.tasks()).extracting(RightsRequest.RightsTask::system).containsExactlyInAnyOrder("erp", "shop", "portal", "werkbridge");

        assertThat(worker.runDue()).isEqualTo(4);
        RightsRequest done = store.find(request.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.COMPLETED);
        shop.verify(postRequestedFor(urlEqualTo("/privacy")).withRequestBody(matchingJsonPath("$.subject.email", containing("erika@example.com"))));
        erp.verify(postRequestedFor(urlEqualTo("/privacy")).withHeader("Authorization", containing("Basic ")));

        ObjectNode json = export.json(done);
        assertThat(json.path("systems").path("shop").path("data").path("system").asText()).isEqualTo("shop");
        // the two deliveries, and (depending on the order the tasks ran) the access request as systems received it
        assertThat(json.path("systems").path("werkbridge").path("data").path("disclosures").size()).isBetween(2, 5);
        assertThat(json.path("recipients")).extracting(r -> r.path("destination").asText()).containsExactly("erp", "portal", "shop");
        assertThat(json.path("recipients").get(2).path("processor").asText()).isEqualTo("gab-exactlyit");
        assertThat(export.csv(done, "recipients")).contains("\"shop\",\"gab-exactlyit\",");
        assertThat(CanonicalJson.write(json)).doesNotContain("erika@example.com");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rights_request WHERE payload_cipher IS NOT NULL", Integer.class)).isZero();
    }

    @Test
    void aSystemThatFailsTwiceIsRetriedWithBackOffWithoutHoldingUpTheOthers() {
        shop.stubFor(post("/privacy").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        shop.stubFor(post("/privacy").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("third"));
        shop.stubFor(post("/privacy").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("{\"result\":\"exported\",\"data\":{\"orders\":2}}")));
        RightsRequest request = service.submit(RightsRequestType.PORTABILITY, new SubjectIds("100234", null, null), null, null, null);

        worker.runDue();
        RightsRequest afterFirst = store.find(request.id()).orElseThrow();
        assertThat(task(afterFirst, "erp").state()).isEqualTo(TaskState.DONE);
        assertThat(task(afterFirst, "shop").state()).isEqualTo(TaskState.PENDING);
        assertThat(task(afterFirst, "shop").lastError()).isEqualTo("shop answered HTTP 500");
        assertThat(worker.runDue()).as("not due before the back-off").isZero();
        clock.advance(Duration.ofMinutes(1));
        worker.runDue();
        assertThat(task(store.find(request.id()).orElseThrow(), "shop").lastError()).contains("not reachable");
        clock.advance(Duration.ofMinutes(1));
        assertThat(worker.runDue()).as("second back-off is twice as long").isZero();
        clock.advance(Duration.ofMinutes(1));
        worker.runDue();
        RightsRequest done = store.find(request.id()).orElseThrow();
        assertThat(task(done, "shop").state()).isEqualTo(TaskState.DONE);
        assertThat(task(done, "shop").attempts()).isEqualTo(3);
        assertThat(done.state()).isEqualTo(State.COMPLETED);
        assertThat(export.json(done).path("systems").path("shop").path("data").path("orders").asInt()).isEqualTo(2);
    }

    @Test
    void aSystemUnreachablePastTheDueDateStaysOpenOverdueAndKeepsRetryingUntilItAnswers() {
        portal.stubFor(post("/privacy").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RightsRequest request = service.submit(RightsRequestType.ACCESS, new SubjectIds("100234", null, "erika@example.com"), null, null, null);
        for (int i = 0; i < 31; i++) {
            worker.runDue();
            clock.advance(Duration.ofDays(1));
        }
        int attemptsAtTheDueDate = task(store.find(request.id()).orElseThrow(), "portal").attempts();
        for (int i = 0; i < 9; i++) {
            worker.runDue();
            clock.advance(Duration.ofDays(1));
        }
        RightsRequest overdue = store.find(request.id()).orElseThrow();
        assertThat(overdue.state()).isEqualTo(State.OPEN);
        assertThat(overdue.overdue()).isTrue();
        assertThat(task(overdue, "portal").state()).isEqualTo(TaskState.PENDING);
        assertThat(task(overdue, "portal").lastError()).contains("portal not reachable").contains("overdue since 2026-12-26T10:00:00Z");
        assertThat(task(overdue, "portal").attempts()).as("retried past the due date").isGreaterThan(attemptsAtTheDueDate + 2);
        assertThat(task(overdue, "erp").state()).isEqualTo(TaskState.DONE);
        assertThat(store.overdue(100)).extracting(RightsRequest::id).containsExactly(request.id());
        assertThat(store.countOverdue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payload_cipher FROM rights_request WHERE id = ?", String.class, request.id()))
                .as("working data kept sealed while open").startsWith("v2:").doesNotContain("erika");

        portal.stubFor(post("/privacy").willReturn(aResponse().withStatus(200).withBody("{\"result\":\"exported\",\"data\":{\"tickets\":1}}")));
        clock.advance(Duration.ofDays(2));
        worker.runDue();
        RightsRequest done = store.find(request.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.COMPLETED);
        assertThat(done.overdue()).isFalse();
        assertThat(store.overdue(100)).isEmpty();
        assertThat(store.countOverdue()).isZero();
        portal.verify(postRequestedFor(urlEqualTo("/privacy")).withRequestBody(matchingJsonPath("$.subject.email", containing("erika@example.com"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rights_request WHERE payload_cipher IS NOT NULL", Integer.class)).isZero();
    }

    @Test
    void aDpoClosesAnUnfinishedRequestWithAReasonThatIsRecorded() {
        disclosed("portal", "werkbliq", "100234", "K-1");
        portal.stubFor(post("/privacy").willReturn(aResponse().withStatus(503)));
        RightsRequest request = service.submit(RightsRequestType.ERASURE, new SubjectIds("100234", "K-1", null), null, null, null);
        worker.runDue();
        clock.advance(Duration.ofDays(40));
        assertThat(store.find(request.id()).orElseThrow().overdue()).isTrue();

        RightsRequest closed = service.close(request.id(), "dpo", "portal decommissioned; data deleted by its operator on 2027-01-04");
        assertThat(closed.state()).isEqualTo(State.CLOSED);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("dpo");
        assertThat(closed.closedReason()).isEqualTo("portal decommissioned; data deleted by its operator on 2027-01-04");
        assertThat(task(closed, "portal").state()).isEqualTo(TaskState.FAILED);
        assertThat(task(closed, "portal").lastError()).endsWith("closed by the DPO");
        assertThat(jdbc.queryForObject("SELECT payload_cipher FROM rights_request WHERE id = ?", String.class, request.id())).isNull();
        clock.advance(Duration.ofDays(2));
        assertThat(worker.runDue()).as("nothing retried after closing").isZero();
        assertThatThrownBy(() -> service.close(request.id(), "dpo", "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReusedIdempotencyKeyReturnsTheFirstRequestOnlyForTheSameRequestAndTheSameCaller() {
        JsonNode corrections = CanonicalJson.read("{\"contacts\":[{\"id\":\"K-1\",\"lastName\":\"Neuname\",\"firstName\":\"Erika\"}]}");
        JsonNode reordered = CanonicalJson.read("{\"contacts\":[{\"firstName\":\"Erika\",\"lastName\":\"Neuname\",\"id\":\"K-1\"}]}");
        SubjectIds subject = new SubjectIds("100234", "K-1", null);
        RightsRequest first = service.submit(RightsRequestType.RECTIFICATION, subject, null, corrections, "key-1", "dpo");
        assertThat(service.submit(RightsRequestType.RECTIFICATION, subject, null, reordered, "key-1", "dpo").id()).isEqualTo(first.id());
        assertThatThrownBy(() -> service.submit(RightsRequestType.ERASURE, subject, null, null, "key-1", "dpo"))
                .isInstanceOf(IdempotencyKeyReusedException.class).hasMessageNotContaining("key-1").hasMessageNotContaining("100234");
        RightsRequest other = service.submit(RightsRequestType.ERASURE, subject, null, null, "key-1", "dpo-2");
        assertThat(other.id()).as("keys are scoped to the caller").isNotEqualTo(first.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rights_request", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM rights_request", String.class))
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
    }

    @Test
    void erasureReachesEveryRecipientKeepsInvoicesDeIdentifiedAndMakesTokensIrreversible() {
        disclosed("portal", "werkbliq", "100234", "K-1");
        disclosed("app", "hybrid-heroes", "100234", "K-1");
        portal.stubFor(post("/privacy").willReturn(aResponse().withStatus(200)
                .withBody("{\"result\":\"erased; invoices de-identified and kept for tax reasons\"}")));
        String token = vault.tokenize("erika@example.com", Shape.EMAIL, Set.of("100234", "K-1"));

        RightsRequest request = service.submit(RightsRequestType.ERASURE, new SubjectIds("100234", "K-1", null), null, null, "erase-1");
        assertThat(request.tasks()).extracting(RightsRequest.RightsTask::system).containsExactlyInAnyOrder("werkbridge", "erp", "portal", "app");
        assertThat(task(request, "app").state()).isEqualTo(TaskState.FAILED);
        assertThat(task(request, "app").lastError()).contains("no privacy endpoint is configured");
        shop.verify(0, postRequestedFor(urlEqualTo("/privacy")));

        worker.runDue();
        RightsRequest done = store.find(request.id()).orElseThrow();
        assertThat(task(done, "portal").result()).isEqualTo("erased; invoices de-identified and kept for tax reasons");
        assertThat(task(done, "werkbridge").result()).contains("1 entry deleted");
        assertThat(vault.detokenize(token)).isEmpty();
        assertThat(done.state()).isEqualTo(State.INCOMPLETE);
        portal.verify(postRequestedFor(urlEqualTo("/privacy")).withRequestBody(matchingJsonPath("$.retainTaxRecords", containing("true"))));
        assertThat(service.submit(RightsRequestType.ERASURE, new SubjectIds("100234", "K-1", null), null, null, "erase-1").id())
                .as("idempotent").isEqualTo(request.id());
        assertThat(shop.getAllServeEvents()).isEmpty();
    }

    @Test
    void rectificationCarriesTheCorrectedValuesToEveryRecipient() {
        disclosed("shop", "gab-exactlyit", "100234", "K-1");
        JsonNode corrections = CanonicalJson.read("{\"contacts\":[{\"id\":\"K-1\",\"lastName\":\"Neuname\"}]}");
        service.submit(RightsRequestType.RECTIFICATION, new SubjectIds("100234", "K-1", null), null, corrections, null);
        worker.runDue();
        shop.verify(postRequestedFor(urlEqualTo("/privacy")).withRequestBody(matchingJsonPath("$.type", containing("rectification")))
                .withRequestBody(matchingJsonPath("$.corrections", equalToJson("{\"customerNumber\":\"100234\",\"contacts\":[{\"id\":\""
                        + new ValueOperators(KEY).hash("K-1") + "\",\"lastName\":\"Neuname\"}]}"))));
        erp.verify(postRequestedFor(urlEqualTo("/privacy")).withRequestBody(matchingJsonPath("$.corrections.contacts[0].lastName", containing("Neuname"))));
        portal.verify(0, postRequestedFor(urlEqualTo("/privacy")));
        assertThatThrownBy(() -> service.submit(RightsRequestType.RECTIFICATION, new SubjectIds("100234", null, null), null, null, null))
                .hasMessageContaining("needs 'corrections'");
    }

    @Test
    void objectionIsStoredForThePurposeUntilLifted() {
        RightsRequest request = service.submit(RightsRequestType.OBJECTION, new SubjectIds("100234", "K-1", null), "online-shop", null, null);
        assertThat(request.state()).isEqualTo(State.ACTIVE);
        assertThat(restrictions.restrictionFor(Set.of("100234/K-1"), "online-shop")).hasValueSatisfying(r -> assertThat(r).contains("objection"));
        assertThat(restrictions.restrictionFor(Set.of("100234/K-1"), "customer-portal")).isEmpty();
        assertThat(restrictions.restrictionFor(Set.of("100234", "100234/K-2"), "online-shop")).isEmpty();
        RightsRequest lifted = service.lift(request.id());
        assertThat(lifted.state()).isEqualTo(State.LIFTED);
        assertThat(restrictions.restrictionFor(Set.of("100234/K-1"), "online-shop")).isEmpty();
        assertThat(releases.get()).isEqualTo(1);
        assertThatThrownBy(() -> service.lift(request.id())).hasMessageContaining("only an active");
        RightsRequest revoked = service.submit(RightsRequestType.CONSENT_REVOCATION, new SubjectIds("100235", null, null), null, null, null);
        assertThat(revoked.purpose()).isEqualTo("*");
        assertThat(restrictions.restrictionFor(Set.of("100235"), "anything")).isPresent();
        assertThatThrownBy(() -> service.submit(RightsRequestType.RESTRICTION, new SubjectIds(null, null, "x@example.com"), null, null, null))
                .hasMessageContaining("needs customerNumber").hasMessageNotContaining("x@example.com");
    }

    private static RightsRequest.RightsTask task(RightsRequest request, String system) {
        return request.tasks().stream().filter(t -> t.system().equals(system)).findFirst().orElseThrow();
    }
}
