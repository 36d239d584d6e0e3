package io.werkbridge.rights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.MessageHeldException;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.vault.DataKeys;
import io.werkbridge.privacy.vault.PseudonymVault;
import io.werkbridge.privacy.vault.SealedBox;
import io.werkbridge.rights.RightsRequest.State;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What rights do at recipients and in the hub's stores, with the shipped privacy policy, the real gate, vault and
 * disclosure log on H2, and WireMock as the shop's and the portal's privacy endpoints (all data synthetic).
 */
class RightsAtRecipientsTest {

    private static final byte[] KEY = "rights-recipients-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String IBAN = "DE02120300000000202051";
    private final WireMockServer shop = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer portal = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final ValueOperators hashing = new ValueOperators(KEY);
    private JdbcTemplate jdbc;
    private DisclosureLog log;
    private PseudonymVault vault;
    private JdbcSubjectRestrictions restrictions;
    private PrivacyGate gate;
    private RightsService service;
    private RightsWorker worker;

    @BeforeEach
    void setUp() {
        for (WireMockServer server : List.of(shop, portal)) {
            server.start();
            server.stubFor(post("/privacy").willReturn(aResponse().withStatus(200).withBody("{\"result\":\"done\"}")));
        }
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        log = new DisclosureLog(ds);
        vault = new PseudonymVault(jdbc, KEY);
        restrictions = new JdbcSubjectRestrictions(new NamedParameterJdbcTemplate(ds));
        gate = new PrivacyGate(PolicyFixtures.shipped(), new ValueOperators(KEY, vault), restrictions, clock);
        RecipientGate recipientGate = new RecipientGate(() -> gate, log, clock);
        Map<String, RightsTarget> external = new LinkedHashMap<>();
        external.put("shop", new HttpRightsTarget("shop", shop.baseUrl() + "/privacy", null, null, recipientGate));
        external.put("portal", new HttpRightsTarget("portal", portal.baseUrl() + "/privacy", null, null, recipientGate));
        OwnStoresTarget own = new OwnStoresTarget(new DisclosureSearch(ds), vault, jdbc);
        Map<String, RightsTarget> all = new LinkedHashMap<>(external);
        all.put(own.system(), own);
        SealedBox box = new SealedBox(DataKeys.open(jdbc, KEY));
        RightsProperties properties = new RightsProperties(Period.ofMonths(1), Duration.ofMinutes(1), Duration.ofDays(2), Map.of());
        RightsStore store = new RightsStore(jdbc, clock);
        service = new RightsService(store, external, own, restrictions, hashing, box, properties, () -> { }, clock);
        worker = new RightsWorker(store, all, box, properties, clock);
    }

    @AfterEach
    void tearDown() {
        List.of(shop, portal).forEach(WireMockServer::stop);
    }

    @Test
    void aCorrectionReachesEachRecipientOnlyAsItsPolicyLetsItHaveTheFields() {
        delivered("shop", customer("K-17", "K-18"));
        delivered("portal", customer("K-17", "K-18"));
        JsonNode corrections = CanonicalJson.read("""
                {"contacts": [{"id": "K-17", "lastName": "Neuname", "phone": "+49 521 5551234", "email": "erika.neu@example.com"}],
                 "bankAccounts": [{"iban": "%s", "holder": "Erika Neuname"}],
                 "remarks": "call Erika Neuname after five on +49 170 1234567"}""".formatted(IBAN));
        service.submit(RightsRequestType.RECTIFICATION, new SubjectIds("100234", "K-17", null), null, corrections, null);
        worker.runDue();

        JsonNode atShop = received(shop).get(0);
        assertThat(atShop.path("type").asText()).isEqualTo("rectification");
        JsonNode shopContact = atShop.path("corrections").path("contacts").get(0);
        assertThat(shopContact.path("lastName").asText()).isEqualTo("Neuname");
        assertThat(shopContact.path("email").asText()).isEqualTo("erika.neu@example.com");
        assertThat(shopContact.path("phone").asText()).isEqualTo("***********1234");
        assertThat(shopContact.path("id").asText()).isEqualTo(hashing.hash("K-17"));
        assertThat(atShop.path("subject").path("contactId").asText()).isEqualTo(hashing.hash("K-17"));
        assertThat(atShop.path("corrections").has("bankAccounts")).isFalse();
        assertThat(atShop.path("corrections").has("remarks")).isFalse();
        assertThat(atShop.toString()).doesNotContain(IBAN).doesNotContain("Erika Neuname").doesNotContain("5551234")
                .doesNotContain("K-17").doesNotContain("1234567");

        JsonNode atPortal = received(portal).get(0);
        assertThat(atPortal.path("corrections").path("contacts").get(0).path("phone").asText()).isEqualTo("+49 521 5551234");
        assertThat(atPortal.path("corrections").path("bankAccounts").get(0).path("iban").asText()).endsWith("2051").doesNotContain(IBAN);
        assertThat(atPortal.path("corrections").path("remarks").asText()).doesNotContain("1234567").doesNotContain("Neuname");

        Map<String, Object> shopRecord = jdbc.queryForMap(
                "SELECT * FROM disclosure WHERE entity_type = 'rights-rectification' AND destination = 'shop'");
        assertThat((String) shopRecord.get("CATEGORIES_MASKED")).contains("communication.phone").contains("status.contact-id");
        assertThat((String) shopRecord.get("CATEGORIES_DROPPED")).contains("billing.bank-account").contains("voluntary.remarks");
        assertThat((String) shopRecord.get("CATEGORIES_SENT")).contains("master.name").doesNotContain("billing");
        assertThat((String) shopRecord.get("PROCESSOR")).isEqualTo("gab-exactlyit");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure WHERE entity_type = 'rights-rectification' AND destination = 'portal'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aCorrectionOfFieldsTheRecipientMayNotHaveIsNotSentAtAll() {
        delivered("shop", customer("K-17"));
        service.submit(RightsRequestType.RECTIFICATION, new SubjectIds("100234", "K-17", null), null,
                CanonicalJson.read("{\"bankAccounts\": [{\"iban\": \"" + IBAN + "\", \"holder\": \"Erika Neuname\"}]}"), null);
        worker.runDue();
        shop.verify(0, postRequestedFor(urlEqualTo("/privacy")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure WHERE entity_type LIKE 'rights-%'", Integer.class)).isZero();
    }

    @Test
    void erasingOneContactLeavesTheCustomersTechnicianAndOtherContactsResolvable() {
        ObjectNode report = serviceReport("T-5", "Jan", "Schrauber");
        String technicianToken = gate.filter("portal", report.deepCopy()).filtered().path("body").path("technician").path("lastName").asText();
        String erikaToken = emailToken(customer("K-17", "K-18"), 0);
        String maxToken = emailToken(customer("K-17", "K-18"), 1);
        assertThat(vault.detokenize(technicianToken)).contains("Schrauber");
        delivered("app", customer("K-17", "K-18"));

        service.submit(RightsRequestType.ERASURE, new SubjectIds("100234", "K-17", null), null, null, null);
        worker.runDue();

        assertThat(vault.detokenize(erikaToken)).isEmpty();
        assertThat(vault.detokenize(maxToken)).contains("k-18@example.com");
        assertThat(vault.detokenize(technicianToken)).contains("Schrauber");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pseudonym_vault_subject WHERE subject_ref = '100234/T-5'", Integer.class))
                .isEqualTo(2);
        // the portal's stable pseudonym for the technician did not change
        assertThat(gate.filter("portal", report).filtered().path("body").path("technician").path("lastName").asText()).isEqualTo(technicianToken);
    }

    @Test
    void liftingOneOfTwoObjectionsLeavesTheOtherHoldingTheContactsMessages() {
        RightsRequest first = service.submit(RightsRequestType.OBJECTION, new SubjectIds("100234", "K-17", null), "online-shop", null, null);
        RightsRequest second = service.submit(RightsRequestType.OBJECTION, new SubjectIds("100234", "K-17", null), "online-shop", null, null);
        assertThat(service.lift(first.id()).state()).isEqualTo(State.LIFTED);

        assertThat(jdbc.queryForList("SELECT request_id FROM subject_restriction", String.class)).containsExactly(second.id());
        assertThatThrownBy(() -> gate.filter("shop", customer("K-17", "K-18"))).isInstanceOf(MessageHeldException.class)
                .hasMessageContaining("objection").hasMessageNotContaining("K-17");
        // a message of the same customer without the objecting contact goes through
        assertThat(gate.filter("shop", customer("K-18")).filtered().path("body").path("contacts")).hasSize(1);
        // other purposes are not stopped
        assertThat(gate.filter("portal", customer("K-17")).filtered().path("body").path("contacts")).hasSize(1);

        service.lift(second.id());
        assertThat(gate.filter("shop", customer("K-17")).filtered().path("body").path("contacts")).hasSize(1);
    }

    @Test
    void aRestrictionOfTheCustomerHoldsEveryMessageOfIt() {
        service.submit(RightsRequestType.RESTRICTION, new SubjectIds("100234", null, null), null, null, null);
        assertThatThrownBy(() -> gate.filter("shop", customer("K-18"))).isInstanceOf(MessageHeldException.class);
        assertThat(gate.filter("shop", customerOf("100235", "K-18")).filtered().path("body").path("contacts")).hasSize(1);
    }

    @Test
    void restrictionAndItsLiftingAreToldToEveryRecipientThroughItsGate() {
        delivered("shop", customer("K-17"));
        delivered("portal", customer("K-17"));
        RightsRequest restriction = service.submit(RightsRequestType.RESTRICTION, new SubjectIds("100234", "K-17", null), "*", null, null);
        assertThat(restriction.tasks()).extracting(RightsRequest.RightsTask::system).containsExactlyInAnyOrder("werkbridge", "shop", "portal");
        worker.runDue();
        service.lift(restriction.id());
        worker.runDue();

        List<JsonNode> atShop = received(shop);
        assertThat(atShop).hasSize(2);
        assertThat(atShop).extracting(n -> n.path("type").asText()).containsOnly("restriction");
        assertThat(atShop).extracting(n -> n.path("lifted").asBoolean()).containsExactly(false, true);
        assertThat(atShop).extracting(n -> n.path("purpose").asText()).containsOnly("*");
        assertThat(atShop).extracting(n -> n.path("subject").path("contactId").asText()).containsOnly(hashing.hash("K-17"));
        assertThat(atShop).extracting(n -> n.path("subject").path("customerNumber").asText()).containsOnly("100234");
        List<JsonNode> atPortal = received(portal);
        assertThat(atPortal).extracting(n -> n.path("lifted").asBoolean()).containsExactly(false, true);
        assertThat(atPortal).extracting(n -> n.path("subject").path("contactId").asText()).containsOnly("K-17");
        assertThat(jdbc.queryForList("SELECT destination FROM disclosure WHERE entity_type = 'rights-restriction' ORDER BY destination",
                String.class)).containsExactly("portal", "portal", "shop", "shop");
        assertThatThrownBy(() -> service.lift(restriction.id())).isInstanceOf(IllegalStateException.class);
    }

    private String emailToken(ObjectNode customer, int contact) {
        return gate.filter("app", customer).filtered().path("body").path("contacts").get(contact).path("email").asText();
    }

    /** A delivery as the destination route records it: the gate's result in the disclosure log. */
    private void delivered(String destination, ObjectNode message) {
        var result = gate.filter(destination, message);
        var d = result.destination();
        log.append(new DisclosureRecord(clock.instant(), UUID.randomUUID().toString(), "customer", "100234", result.subjectRefs(), d.id(),
                d.processor(), d.purpose(), d.legalBasis(), result.sent(), result.masked(), result.dropped(), result.unclassified(),
                result.policyVersion()));
    }

    private List<JsonNode> received(WireMockServer server) {
        return server.findAll(postRequestedFor(urlEqualTo("/privacy"))).stream().map(LoggedRequest::getBodyAsString)
                .map(CanonicalJson::read).toList();
    }

    static ObjectNode customer(String... contactIds) {
        return customerOf("100234", contactIds);
    }

    static ObjectNode customerOf(String number, String... contactIds) {
        ObjectNode envelope = envelope("customer", number);
        ObjectNode body = envelope.putObject("body");
        body.put("customerNumber", number);
        body.putObject("company").put("name", "Muster Werkzeugbau GmbH");
        var contacts = body.putArray("contacts");
        for (String id : contactIds) {
            contacts.addObject().put("id", id).put("lastName", "Name-" + id).put("email", id.toLowerCase() + "@example.com")
                    .put("phone", "+49 521 555" + Math.abs(id.hashCode() % 10000));
        }
        return envelope;
    }

    static ObjectNode serviceReport(String technicianId, String firstName, String lastName) {
        ObjectNode envelope = envelope("service-report", "SR-1");
        ObjectNode body = envelope.putObject("body");
        body.put("reportNumber", "SR-1").put("customerNumber", "100234");
        body.putObject("technician").put("id", technicianId).put("firstName", firstName).put("lastName", lastName);
        return envelope;
    }

    private static ObjectNode envelope(String type, String key) {
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode();
        envelope.put("messageId", UUID.randomUUID().toString()).put("type", type).put("key", key).put("operation", "upsert")
                .put("occurredAt", "2026-11-26T09:00:00Z").put("source", "test");
        return envelope;
    }
}
