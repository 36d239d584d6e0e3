package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.werkbridge.messaging.DeadLetters;
import io.werkbridge.model.CanonicalJson;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Customer master delivered to four destinations that each require another authentication, on a hub of its own:
 * the shop's webhook HTTP Basic (password from a mounted file), the portal an OAuth2 client-credentials bearer token
 * (token endpoint at WireMock), the app an API key header, and the ERP (as an extra customer-master destination)
 * mutual TLS with certificates generated for this test. WireMock refuses whatever lacks the right credential.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticatedDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASIC_PASSWORD = "synthetic-basic-" + UUID.randomUUID();
    private static final String CLIENT_SECRET = "synthetic-client-secret-" + UUID.randomUUID();
    private static final String API_KEY = "synthetic-api-key-" + UUID.randomUUID();
    private static final String STORE_PASSWORD = "synthetic-store-" + UUID.randomUUID();
    private static final String TOKEN = "/oauth/token";
    /** Test profile: werkbridge.delivery.maximum-redeliveries + 1. */
    private static final int ATTEMPTS = 3;

    @TempDir
    static Path data;
    @TempDir
    static Path certificates;
    private static final WireMockServer DEST = new WireMockServer(wireMockConfig().dynamicPort());
    private static WireMockServer erpTls;
    private static ConfigurableApplicationContext hub;
    /** Every token the token endpoint issued: none may appear in a reason, the log or the metrics. */
    private static final List<String> ISSUED = new ArrayList<>();

    @BeforeAll
    static void startHub() throws Exception {
        Certificates.generate(certificates, STORE_PASSWORD);
        erpTls = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(certificates.resolve("server.p12").toString()).keystoreType("PKCS12")
                .keystorePassword(STORE_PASSWORD).keyManagerPassword(STORE_PASSWORD)
                .needClientAuth(true)
                .trustStorePath(certificates.resolve("server-trust.p12").toString()).trustStoreType("PKCS12")
                .trustStorePassword(STORE_PASSWORD));
        erpTls.start();
        DEST.start();
        Path passwordFile = Files.writeString(data.resolve("shop-password"), BASIC_PASSWORD + "\n");
        String tls = "https://localhost:" + erpTls.httpsPort();
        hub = SeparateHub.start(41, data, DEST.baseUrl(),
                "--werkbridge.flows.customer-master.destinations.app=" + DEST.baseUrl() + "/app/customers",
                "--werkbridge.flows.customer-master.destinations.erp=" + tls + "/erp/customers",
                "--werkbridge.destinations.erp.machine-url=" + tls + "/erp/machine-events",
                "--werkbridge.destinations.shop.auth.type=basic",
                "--werkbridge.destinations.shop.auth.username=werkbridge",
                "--werkbridge.destinations.shop.auth.password-file=" + passwordFile,
                "--werkbridge.destinations.portal.auth.type=oauth2-client-credentials",
                "--werkbridge.destinations.portal.auth.token-uri=" + DEST.baseUrl() + TOKEN,
                "--werkbridge.destinations.portal.auth.client-id=werkbridge-hub",
                "--werkbridge.destinations.portal.auth.client-secret=" + CLIENT_SECRET,
                "--werkbridge.destinations.portal.auth.scopes=customers.write",
                "--werkbridge.destinations.app.auth.type=api-key",
                "--werkbridge.destinations.app.auth.header=X-Api-Key",
                "--werkbridge.destinations.app.auth.key=" + API_KEY,
                "--werkbridge.destinations.erp.auth.type=mtls",
                "--werkbridge.destinations.erp.auth.ssl-bundle=erp-client",
                "--spring.ssl.bundle.jks.erp-client.keystore.location=file:" + certificates.resolve("client.p12"),
                "--spring.ssl.bundle.jks.erp-client.keystore.password=" + STORE_PASSWORD,
                "--spring.ssl.bundle.jks.erp-client.keystore.type=PKCS12",
                "--spring.ssl.bundle.jks.erp-client.truststore.location=file:" + certificates.resolve("client-trust.p12"),
                "--spring.ssl.bundle.jks.erp-client.truststore.password=" + STORE_PASSWORD,
                "--spring.ssl.bundle.jks.erp-client.truststore.type=PKCS12");
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        DEST.stop();
        if (erpTls != null) {
            erpTls.stop();
        }
    }

    /** Each destination accepts only its own credential; the token endpoint only the hub's client id and secret. */
    @BeforeEach
    void destinationsThatRequireCredentials() {
        DEST.resetAll();
        erpTls.resetAll();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("werkbridge:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
        DEST.stubFor(post(urlPathEqualTo("/shop/customers")).willReturn(aResponse().withStatus(401)));
        DEST.stubFor(post(urlPathEqualTo("/shop/customers")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(202)));
        DEST.stubFor(post(urlPathEqualTo("/app/customers")).willReturn(aResponse().withStatus(401)));
        DEST.stubFor(post(urlPathEqualTo("/app/customers")).withHeader("X-Api-Key", equalTo(API_KEY))
                .willReturn(aResponse().withStatus(202)));
        erpTls.stubFor(post(urlPathEqualTo("/erp/customers")).willReturn(aResponse().withStatus(202)));
        issueTokens(ISSUED.isEmpty() ? "token-" + UUID.randomUUID() : ISSUED.get(ISSUED.size() - 1));
    }

    /** The token endpoint issues {@code token} to the hub's client, and the portal accepts that token only. */
    private static void issueTokens(String token) {
        synchronized (ISSUED) {
            if (!ISSUED.contains(token)) {
                ISSUED.add(token);
            }
        }
        String client = "Basic " + Base64.getEncoder().encodeToString(("werkbridge-hub:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        DEST.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)));
        DEST.stubFor(post(urlPathEqualTo(TOKEN)).withHeader("Authorization", equalTo(client))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
        DEST.stubFor(post(urlPathEqualTo("/portal/customers")).willReturn(aResponse().withStatus(401)));
        DEST.stubFor(post(urlPathEqualTo("/portal/customers")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(202)));
    }

    @Test
    void eachDestinationReceivesTheCustomerWithItsOwnCredential() throws Exception {
        String number = MachineDataFlowTest.unique("A");
        String messageId = publish(number);

        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = ?",
                Integer.class, messageId) == 4);
        for (String path : List.of("/shop/customers", "/portal/customers", "/app/customers")) {
            List<LoggedRequest> received = DEST.findAll(postRequestedFor(urlPathEqualTo(path)));
            assertThat(received).as(path).hasSize(1);
            assertThat(CanonicalJson.read(received.get(0).getBodyAsString()).path("body").path("customerNumber").asText())
                    .as(path).isEqualTo(number);
            assertThat(received.get(0).getHeader("Idempotency-Key")).isEqualTo(messageId);
        }
        assertThat(DEST.findAll(postRequestedFor(urlPathEqualTo("/portal/customers"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + ISSUED.get(ISSUED.size() - 1));
        // the key goes in its own header only: no destination sees another's credential
        assertThat(DEST.findAll(postRequestedFor(urlPathEqualTo("/app/customers"))).get(0).containsHeader("Authorization")).isFalse();
        assertThat(DEST.findAll(postRequestedFor(urlPathEqualTo("/shop/customers"))).get(0).containsHeader("X-Api-Key")).isFalse();
        assertThat(DEST.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("scope=customers.write")
                        .doesNotContain(CLIENT_SECRET));

        List<LoggedRequest> overTls = erpTls.findAll(postRequestedFor(urlPathEqualTo("/erp/customers")));
        assertThat(overTls).hasSize(1);
        assertThat(CanonicalJson.read(overTls.get(0).getBodyAsString()).path("body").path("customerNumber").asText())
                .isEqualTo(number);
        assertThat(jdbc.queryForList("SELECT destination FROM delivered_message WHERE message_id = ?", String.class, messageId))
                .containsExactlyInAnyOrder("shop", "portal", "app", "erp");
    }

    @Test
    void theTlsDestinationRefusesAClientWithoutTheHubsCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(certificates.resolve("client-trust.p12").toFile())) {
            trust.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext noClientCertificate = SSLContext.getInstance("TLS");
        noClientCertificate.init(null, trusting.getTrustManagers(), null);
        HttpClient stranger = HttpClient.newBuilder().sslContext(noClientCertificate).build();
        assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(URI.create("https://localhost:" + erpTls.httpsPort()
                + "/erp/customers")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(java.io.IOException.class);
        assertThat(erpTls.findAll(postRequestedFor(urlPathEqualTo("/erp/customers")))).isEmpty();
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheDeliveryRepeated() throws Exception {
        holdingAToken();
        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        String cached = ISSUED.get(ISSUED.size() - 1);
        // the portal's authorization server revoked the cached token: the portal now accepts the next one only
        DEST.resetRequests();
        issueTokens("renewed-" + UUID.randomUUID());
        String renewed = ISSUED.get(ISSUED.size() - 1);

        String number = MachineDataFlowTest.unique("E");
        String messageId = publish(number);

        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = ?"
                + " AND destination = 'portal'", Integer.class, messageId) == 1);
        List<String> sent = DEST.findAll(postRequestedFor(urlPathEqualTo("/portal/customers"))).stream()
                .filter(r -> r.getBodyAsString().contains(number)).map(r -> r.getHeader("Authorization")).toList();
        assertThat(sent).containsExactly("Bearer " + cached, "Bearer " + renewed);
        DEST.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void refusedCredentialsAreRenewedOnceThenRetriedAndParkedForAuthentication(CapturedOutput output) throws Exception {
        holdingAToken();
        // the portal refuses every token: the hub renews once, retries, then parks the message
        DEST.stubFor(post(urlPathEqualTo("/portal/customers")).atPriority(1).willReturn(aResponse().withStatus(401)));
        String number = MachineDataFlowTest.unique("R");
        String messageId = publish(number);

        String reason = parkedReason(messageId);
        assertThat(reason).startsWith(DeadLetters.AUTHENTICATION + ": ").contains("HTTP 401");
        List<LoggedRequest> sent = DEST.findAll(postRequestedFor(urlPathEqualTo("/portal/customers")))
                .stream().filter(r -> r.getBodyAsString().contains(number)).toList();
        // the cached token, then once with a renewed token, which is retried until the redeliveries are exhausted
        assertThat(sent).hasSize(1 + ATTEMPTS);
        assertThat(DEST.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(1);
        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = ? AND destination = 'portal'",
                Integer.class, messageId)).isZero();

        String metrics = hub.getBean(PrometheusMeterRegistry.class).scrape();
        for (String secret : secrets()) {
            assertThat(reason).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(metrics).doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("destination portal answered 401");
    }

    @Test
    void aRefusedBasicPasswordIsParkedForAuthenticationWithoutThePassword(CapturedOutput output) throws Exception {
        DEST.stubFor(post(urlPathEqualTo("/shop/customers")).atPriority(1).willReturn(aResponse().withStatus(401)));
        String messageId = publish(MachineDataFlowTest.unique("B"));

        String reason = parkedReason(messageId);
        assertThat(reason).startsWith(DeadLetters.AUTHENTICATION + ": ");
        for (String secret : secrets()) {
            assertThat(reason).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** The hub delivered one customer to the portal, so it holds a valid token; the requests are forgotten. */
    private static void holdingAToken() throws Exception {
        String warmUp = publish(MachineDataFlowTest.unique("W"));
        JdbcTemplate jdbc = new JdbcTemplate(hub.getBean(javax.sql.DataSource.class));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM delivered_message WHERE message_id = ?"
                + " AND destination = 'portal'", Integer.class, warmUp) == 1);
        DEST.resetRequests();
    }

    private static List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(BASIC_PASSWORD, CLIENT_SECRET, API_KEY, STORE_PASSWORD,
                Base64.getEncoder().encodeToString(("werkbridge:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        synchronized (ISSUED) {
            all.addAll(ISSUED);
        }
        return all;
    }

    private static String parkedReason(String messageId) throws Exception {
        JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
        jms.setReceiveTimeout(WAIT.toMillis());
        Message parked = jms.receiveSelected("werkbridge.customer-master.dlq", "WerkbridgeMessageId = '" + messageId + "'");
        assertThat(parked).as("message parked on the dead-letter queue").isNotNull();
        return parked.getStringProperty(DeadLetters.REASON);
    }

    private static String publish(String number) throws Exception {
        return SoapRequests.publishCustomerMessageId(SeparateHub.port(hub), number, "auth@example.com", "remark-text");
    }
}
