package io.werkbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.messaging.DeadLetters;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** The customer-master flow end to end: SOAP in, Artemis, privacy gate, HTTP out to WireMock shop and portal. */
class CustomerMasterFlowTest extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jms;

    @Test
    void publishingFindsTheFlowsAddressInTheSessionsCache() {
        // without the cache every publish asked the broker whether the address exists, a blocking round trip
        assertThat(((SingleConnectionFactory) jms.getConnectionFactory()).getTargetConnectionFactory())
                .isInstanceOfSatisfying(ActiveMQConnectionFactory.class, artemis -> assertThat(artemis.isCacheDestinations()).isTrue());
    }

    @Test
    void customerReachesShopAndPortalFilteredPerDestination() throws Exception {
        String number = unique("C");
        HttpResponse<String> response = SoapRequests.post(port,
                SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "erika.musterfrau@example.com", "Frau Musterfrau ruft vormittags von 0521 5550999 an"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>accepted</status>").contains("<messageId>");
        SoapRequests.assertAnswerMatchesSchema(response.body(), "connectors/erp/erp-customer.xsd");

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        JsonNode shop = delivered(SHOP, number).get(0);
        JsonNode portal = delivered(PORTAL, number).get(0);

        assertThat(shop.path("type").asText()).isEqualTo("customer");
        assertThat(shop.path("operation").asText()).isEqualTo("upsert");
        assertThat(shop.path("key").asText()).isEqualTo(number);
        assertThat(shop.path("occurredAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
        JsonNode shopBody = shop.path("body");
        assertThat(fieldNames(shopBody)).containsExactlyInAnyOrder("customerNumber", "company", "contacts", "paymentTerms");
        assertThat(shopBody.path("company").path("vatId").asText()).isEqualTo("DE123456789");
        JsonNode shopContact = shopBody.path("contacts").get(0);
        assertThat(fieldNames(shopContact)).containsExactlyInAnyOrder("id", "firstName", "lastName", "email", "phone", "function");
        assertThat(shopContact.path("firstName").asText()).isEqualTo("Erika");
        assertThat(shopContact.path("email").asText()).isEqualTo("erika.musterfrau@example.com");
        assertThat(shopContact.path("phone").asText()).isEqualTo("*************1234");
        assertThat(shopContact.path("id").asText()).matches("[0-9a-f]{64}").isNotEqualTo("K-17");

        JsonNode portalBody = portal.path("body");
        assertThat(fieldNames(portalBody)).containsExactlyInAnyOrder("customerNumber", "company", "contacts", "bankAccounts", "paymentTerms", "contract", "remarks");
        assertThat(portalBody.path("remarks").asText()).isEqualTo("Frau [name] ruft vormittags von [phone] an");
        JsonNode portalContact = portalBody.path("contacts").get(0);
        assertThat(portalContact.path("title").asText()).isEqualTo("Dr.");
        assertThat(portalContact.path("id").asText()).isEqualTo("K-17");
        assertThat(portalContact.path("representationAuthority").asBoolean()).isTrue();
        assertThat(portalBody.path("bankAccounts").get(0).path("iban").asText()).isEqualTo("******************3000");
        assertThat(portalBody.path("contract").path("number").asText()).isEqualTo("SV-2026-001");
        assertThat(portal.toString()).doesNotContain("5550999").doesNotContain("DE89370400440532013000");
        assertThat(shop.toString()).doesNotContain("vormittags");

        String messageId = shop.path("messageId").asText();
        assertThat(SHOP.getAllServeEvents().get(0).getRequest().getHeader("Idempotency-Key")).isEqualTo(messageId);
        await().atMost(WAIT).until(() -> disclosures(messageId).size() == 2);
        Map<String, Object> shopRecord = disclosures(messageId).stream().filter(r -> "shop".equals(r.get("destination"))).findFirst().orElseThrow();
        assertThat(shopRecord.get("processor")).isEqualTo("gab-exactlyit");
        assertThat(shopRecord.get("categories_dropped").toString()).contains("billing.bank-account", "voluntary.remarks", "contract");
        assertThat(shopRecord.get("categories_masked").toString()).contains("communication.phone", "status.contact-id");
        assertThat(shopRecord.get("subject_refs").toString().split(",")).containsExactlyInAnyOrder(number, "K-17");
        assertThat(shopRecord.values().toString()).doesNotContain("Erika").doesNotContain("example.com");
    }

    @Test
    void deleteIsCarriedToEveryDestination() throws Exception {
        String number = unique("D");
        assertThat(SoapRequests.post(port, SoapRequests.deleteCustomer(number)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        JsonNode shop = delivered(SHOP, number).get(0);
        assertThat(shop.path("operation").asText()).isEqualTo("delete");
        assertThat(fieldNames(shop.path("body"))).containsExactly("customerNumber");
    }

    @Test
    void schemaInvalidRequestIsRefusedWithAFaultAndNothingIsDelivered() throws Exception {
        String bad = unique("B");
        HttpResponse<String> response = SoapRequests.post(port,
                SoapRequests.publishCustomer(bad, "2026-11-20T10:15:00Z", "not-an-email-erika", "x"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").contains("email").doesNotContain("not-an-email-erika");

        String good = unique("G");
        SoapRequests.post(port, SoapRequests.publishCustomer(good, "2026-11-20T10:15:00Z", "ok@example.com", "x"));
        await().atMost(WAIT).until(() -> delivered(SHOP, good).size() == 1 && delivered(PORTAL, good).size() == 1);
        assertThat(delivered(SHOP, bad)).isEmpty();
        assertThat(delivered(PORTAL, bad)).isEmpty();
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + SoapRequests.publishCustomer(unique("X"), "2026-11-20T10:15:00Z", "a@example.com", "&xxe;");
        HttpResponse<String> response = SoapRequests.post(port, xxe);
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("TOP-SECRET-FILE-CONTENT");
        assertThat(SHOP.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("TOP-SECRET"));
    }

    @Test
    void callersWithoutTheErpRoleAreRefused() throws Exception {
        String xml = SoapRequests.publishCustomer(unique("A"), "2026-11-20T10:15:00Z", "a@example.com", "x");
        assertThat(SoapRequests.post(port, xml, null, null).statusCode()).isEqualTo(401);
        assertThat(SoapRequests.post(port, xml, "erp", "wrong").statusCode()).isEqualTo(401);
        assertThat(SoapRequests.post(port, xml, "operator", SoapRequests.ERP_PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void updatesOfOneCustomerArriveInOrder() throws Exception {
        String number = unique("O");
        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 30; i++) {
            SoapRequests.post(port, SoapRequests.publishCustomer(number, start.plusSeconds(i).toString(), "o@example.com", "v" + i));
        }
        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 30 && delivered(PORTAL, number).size() == 30);
        List<String> expected = IntStream.range(0, 30).mapToObj(i -> start.plusSeconds(i).toString()).toList();
        assertThat(delivered(SHOP, number)).extracting(m -> m.path("occurredAt").asText()).containsExactlyElementsOf(expected);
        assertThat(delivered(PORTAL, number)).extracting(m -> m.path("occurredAt").asText()).containsExactlyElementsOf(expected);
    }

    @Test
    void unclassifiedFieldsAreNeverDeliveredAndAreReported() {
        String number = unique("U");
        ObjectNode envelope = canonicalCustomer(number);
        ((ObjectNode) envelope.path("body")).put("favouriteColour", "synthetic-secret-value");
        ((ObjectNode) envelope.path("body").path("contacts").get(0)).put("hobby", "synthetic-hobby-value");
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));

        await().atMost(WAIT).until(() -> delivered(SHOP, number).size() == 1 && delivered(PORTAL, number).size() == 1);
        assertThat(delivered(SHOP, number).get(0).toString()).doesNotContain("favouriteColour").doesNotContain("synthetic-");
        assertThat(delivered(PORTAL, number).get(0).toString()).doesNotContain("hobby").doesNotContain("synthetic-");
        String messageId = envelope.path("messageId").asText();
        await().atMost(WAIT).until(() -> disclosures(messageId).size() == 2);
        assertThat(disclosures(messageId)).allSatisfy(r ->
                assertThat(r.get("unclassified_fields").toString()).isEqualTo("contacts[].hobby,favouriteColour"));
    }

    @Test
    void invalidCanonicalMessageIsParkedOnTheDeadLetterQueueWithItsReason() {
        ObjectNode envelope = canonicalCustomer(unique("I"));
        envelope.put("operation", "merge");
        ((ObjectNode) envelope.path("body")).put("customerNumber", 42);
        jms.setReceiveTimeout(WAIT.toMillis());
        jms.convertAndSend("werkbridge.customer-master.inbound", CanonicalJson.write(envelope));

        jakarta.jms.Message parked = jms.receive("werkbridge.customer-master.dlq");
        assertThat(parked).isNotNull();
        String reason = header(parked, DeadLetters.REASON);
        assertThat(reason).contains("InvalidCanonicalMessageException").contains("$.operation").contains("$.body.customerNumber");
        assertThat(header(parked, DeadLetters.FAILED_ROUTE)).isEqualTo("customer-master-inbound");
    }

    private static String header(jakarta.jms.Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> disclosures(String messageId) {
        return jdbc.queryForList("SELECT * FROM disclosure WHERE message_id = ?", messageId)
                .stream().map(row -> lowerCaseKeys(row)).toList();
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    static ObjectNode canonicalCustomer(String number) {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"%s","type":"customer","key":"%s","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"test",
                 "body":{"customerNumber":"%s","company":{"name":"Synth GmbH"},
                         "contacts":[{"id":"K-1","firstName":"Max","lastName":"Beispiel","email":"m@example.com"}]}}
                """.formatted(UUID.randomUUID(), number, number));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
