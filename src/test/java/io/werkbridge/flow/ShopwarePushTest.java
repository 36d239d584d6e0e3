package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.werkbridge.connector.shop.ShopwareCustomers;
import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Customer master to the shop in shopware mode, end to end on a hub of its own (the shared hub delivers to the shop
 * as a webhook): SOAP in, broker, privacy gate, then token and customer calls at WireMock as the shop's admin API.
 * Each test starts with the hub holding a valid token (it delivered one customer), so token counts are exact.
 */
class ShopwarePushTest {

    private static final WireMockServer SHOP = new WireMockServer(wireMockConfig().dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "synthetic-shop-client-secret";
    private static final String TOKEN = "/api/oauth/token";
    private static final String CUSTOMER = "/api/customer";
    /** Test profile: werkbridge.delivery.maximum-redeliveries. */
    private static final int ATTEMPTS = 3;

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub() {
        SHOP.start();
        hub = SeparateHub.start(21, data, SHOP.baseUrl(),
                "--werkbridge.destinations.shop.api=shopware",
                "--werkbridge.destinations.shop.admin-url=" + SHOP.baseUrl(),
                "--werkbridge.destinations.shop.client-id=werkbridge-hub",
                "--werkbridge.destinations.shop.client-secret=" + SECRET);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        SHOP.stop();
    }

    @BeforeEach
    void shopWithAValidToken() throws Exception {
        SHOP.resetAll();
        SHOP.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(202)));
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"token-1\",\"expires_in\":600,\"token_type\":\"Bearer\"}")));
        SHOP.stubFor(patch(urlPathMatching(CUSTOMER + "/[0-9a-f]{32}")).willReturn(aResponse().withStatus(204)));
        String warmUp = MachineDataFlowTest.unique("W");
        publish(warmUp);
        await().atMost(WAIT).until(() -> !SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(warmUp)))).isEmpty());
        SHOP.resetRequests();
    }

    @Test
    void customersAreCreatedWithTheCachedTokenAndOnlyWhatTheShopMayReceive() throws Exception {
        SHOP.stubFor(patch(urlPathMatching(CUSTOMER + "/[0-9a-f]{32}")).willReturn(aResponse().withStatus(404)));
        SHOP.stubFor(post(urlPathEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(204)));
        List<String> numbers = List.of(MachineDataFlowTest.unique("N"), MachineDataFlowTest.unique("N"), MachineDataFlowTest.unique("N"));
        String firstMessageId = null;
        for (String number : numbers) {
            String messageId = publish(number);
            firstMessageId = firstMessageId == null ? messageId : firstMessageId;
        }

        await().atMost(WAIT).until(() -> SHOP.findAll(postRequestedFor(urlPathEqualTo(CUSTOMER))).size() == 3);
        assertThat(SHOP.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).as("the cached token is reused").isEmpty();
        List<LoggedRequest> creates = SHOP.findAll(postRequestedFor(urlPathEqualTo(CUSTOMER)));
        assertThat(creates).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer token-1"));
        assertThat(creates).extracting(r -> CanonicalJson.read(r.getBodyAsString()).path("id").asText())
                .containsExactlyInAnyOrderElementsOf(numbers.stream().map(ShopwareCustomers::customerId).toList());
        for (String number : numbers) {
            SHOP.verify(1, patchRequestedFor(urlPathEqualTo(path(number))));
        }

        LoggedRequest first = creates.stream()
                .filter(r -> r.getBodyAsString().contains("\"" + numbers.get(0) + "\"")).findFirst().orElseThrow();
        assertThat(first.getHeader("Idempotency-Key")).isEqualTo(firstMessageId);
        JsonNode customer = CanonicalJson.read(first.getBodyAsString());
        assertThat(customer.path("customerNumber").asText()).isEqualTo(numbers.get(0));
        assertThat(customer.path("email").asText()).isEqualTo("shopware@example.com");
        assertThat(customer.path("defaultBillingAddress").path("phoneNumber").asText()).isEqualTo("*************1234");
        assertThat(customer.path("defaultBillingAddress").path("zipcode").asText()).isEqualTo("33602");
        assertThat(customer.path("customFields").path("werkbridge_contact_ref").asText()).matches("[0-9a-f]{64}");
        assertThat(customer.has("title")).as("voluntary.title is dropped for the shop").isFalse();
        assertThat(first.getBodyAsString()).doesNotContain("DE89370400440532013000").doesNotContain("COBADEFF")
                .doesNotContain("SV-2026-001").doesNotContain("remark-text").doesNotContain("K-17").doesNotContain("5550 1234");

        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        String delivered = firstMessageId;
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop' AND message_id = ?", Integer.class, delivered) == 1);
    }

    @Test
    void changeDebmasWithOnlyAPhoneNumberReachesShopAndPortalAsAPartialUpdateOnce() throws Exception {
        String number = ErpDocumentRequests.digits();
        String idoc = io.werkbridge.connector.erp.ErpXmlMappingTest.debmas("DEBMAS06", "DEBMAS", number,
                "<MSGFN>004</MSGFN><KUNNR>" + number + "</KUNNR><TELF1>+49 30 5550 9876</TELF1>");
        // SAP sends the same IDoc (same DOCNUM) again: one partial update reaches each destination
        for (int i = 0; i < 2; i++) {
            assertThat(ErpDocumentRequests.postXml(SeparateHub.port(hub), "/api/v1/erp/idoc",
                    HttpRequest.BodyPublishers.ofString(idoc)).statusCode()).isEqualTo(202);
        }

        await().atMost(WAIT).until(() -> SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(number)))).size() == 1);
        LoggedRequest update = SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(number)))).get(0);
        assertThat(CanonicalJson.read(update.getBodyAsString())).isEqualTo(CanonicalJson.read(
                "{\"defaultBillingAddress\":{\"phoneNumber\":\"************9876\",\"id\":\""
                + ShopwareCustomers.billingAddressId(number) + "\"}}"));
        await().atMost(WAIT).until(() -> portalMessages(number).size() == 1);
        JsonNode portal = portalMessages(number).get(0);
        assertThat(portal.path("operation").asText()).isEqualTo("patch");
        assertThat(portal.path("body")).isEqualTo(CanonicalJson.read(
                "{\"customerNumber\":\"" + number + "\",\"company\":{\"phone\":\"+49 30 5550 9876\"}}"));
        Thread.sleep(1000);
        SHOP.verify(1, patchRequestedFor(urlPathEqualTo(path(number))));
        assertThat(portalMessages(number)).hasSize(1);
        assertThat(SHOP.findAll(postRequestedFor(urlPathEqualTo(CUSTOMER)))).isEmpty();
    }

    @Test
    void debmasWithCountryOnlyIsDeliveredWithoutAddressNulls() throws Exception {
        String number = ErpDocumentRequests.digits();
        String idoc = io.werkbridge.connector.erp.ErpXmlMappingTest.debmas("DEBMAS06", "DEBMAS", number,
                "<MSGFN>009</MSGFN><KUNNR>" + number + "</KUNNR><LAND1>DE</LAND1><NAME1>Landbetrieb</NAME1>");
        assertThat(ErpDocumentRequests.postXml(SeparateHub.port(hub), "/api/v1/erp/idoc",
                HttpRequest.BodyPublishers.ofString(idoc)).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(number)))).size() == 1);
        String shop = SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(number)))).get(0).getBodyAsString();
        assertThat(CanonicalJson.read(shop).path("defaultBillingAddress")).isEqualTo(CanonicalJson.read(
                "{\"company\":\"Landbetrieb\",\"countryIso\":\"DE\",\"id\":\"" + ShopwareCustomers.billingAddressId(number) + "\"}"));
        await().atMost(WAIT).until(() -> portalMessages(number).size() == 1);
        JsonNode portal = portalMessages(number).get(0);
        assertThat(portal.path("operation").asText()).isEqualTo("upsert");
        assertThat(portal.path("body").path("company").path("address")).isEqualTo(CanonicalJson.read("{\"country\":\"DE\"}"));
        assertThat(portal.toString()).doesNotContain("null");
        assertThat(shop).doesNotContain("null");
    }

    private static List<JsonNode> portalMessages(String number) {
        return SHOP.findAll(postRequestedFor(urlPathEqualTo("/portal/customers"))).stream()
                .map(r -> CanonicalJson.read(r.getBodyAsString()))
                .filter(m -> number.equals(m.path("key").asText())).toList();
    }

    @Test
    void deleteRemovesTheCustomerFromTheShop() throws Exception {
        SHOP.stubFor(delete(urlPathMatching(CUSTOMER + "/[0-9a-f]{32}")).willReturn(aResponse().withStatus(204)));
        String number = MachineDataFlowTest.unique("D");
        assertThat(SoapRequests.post(SeparateHub.port(hub), SoapRequests.deleteCustomer(number)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> SHOP.findAll(deleteRequestedFor(urlPathEqualTo(path(number)))).size() == 1);
        assertThat(SHOP.findAll(deleteRequestedFor(urlPathEqualTo(path(number)))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer token-1");
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheCallRepeated() throws Exception {
        String number = MachineDataFlowTest.unique("E");
        SHOP.stubFor(patch(urlPathEqualTo(path(number))).withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(aResponse().withStatus(401)));
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"token-2\",\"expires_in\":600,\"token_type\":\"Bearer\"}")));
        String messageId = publish(number);

        await().atMost(WAIT).until(() -> SHOP.findAll(patchRequestedFor(urlPathEqualTo(path(number)))
                .withHeader("Authorization", equalTo("Bearer token-2"))).size() == 1);
        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivered_message WHERE destination = 'shop' AND message_id = ?", Integer.class, messageId) == 1);
        SHOP.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        SHOP.verify(2, patchRequestedFor(urlPathEqualTo(path(number))));
    }

    @Test
    void tokenEndpointDownIsRedeliveredThenParkedWithTheReason() throws Exception {
        String number = MachineDataFlowTest.unique("T");
        SHOP.stubFor(patch(urlPathEqualTo(path(number))).willReturn(aResponse().withStatus(401)));
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(503)));
        String messageId = publish(number);

        String reason = parkedReason(messageId);
        assertThat(reason).isEqualTo("IllegalStateException: destination shop: no access token from the token endpoint"
                + " (not reachable or not an OAuth2 answer)");
        SHOP.verify(ATTEMPTS, postRequestedFor(urlPathEqualTo(TOKEN)));
        SHOP.verify(1, patchRequestedFor(urlPathEqualTo(path(number))));
    }

    @Test
    void credentialsRefusedTwiceAreRedeliveredThenParkedWithTheReason() throws Exception {
        String number = MachineDataFlowTest.unique("R");
        SHOP.stubFor(patch(urlPathEqualTo(path(number))).willReturn(aResponse().withStatus(401)));
        String messageId = publish(number);

        assertThat(parkedReason(messageId)).startsWith("authentication: ").contains("the shop refused the hub's credentials")
                .doesNotContain(SECRET).doesNotContain("token-1").doesNotContain(number);
        SHOP.verify(2 * ATTEMPTS, patchRequestedFor(urlPathEqualTo(path(number))));
    }

    private static String parkedReason(String messageId) throws Exception {
        JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
        jms.setReceiveTimeout(WAIT.toMillis());
        Message parked = jms.receiveSelected("werkbridge.customer-master.dlq", "WerkbridgeMessageId = '" + messageId + "'");
        assertThat(parked).as("message parked on the dead-letter queue").isNotNull();
        assertThat(parked.getStringProperty(DeadLetters.FAILED_QUEUE)).isEqualTo("werkbridge.customer-master.shop");
        return parked.getStringProperty(DeadLetters.REASON);
    }

    private static String publish(String number) throws Exception {
        return SoapRequests.publishCustomerMessageId(SeparateHub.port(hub), number, "shopware@example.com", "remark-text");
    }

    private static String path(String customerNumber) {
        return CUSTOMER + "/" + ShopwareCustomers.customerId(customerNumber);
    }
}
