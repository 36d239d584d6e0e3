package io.werkbridge.connector.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.werkbridge.model.CanonicalJson;
import java.net.ServerSocket;
import io.werkbridge.credentials.AuthenticationRefusedException;
import io.werkbridge.credentials.DestinationAuthProperties;
import io.werkbridge.credentials.DestinationCredentials;
import java.util.Map;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API client against WireMock as the shop: token handling, upsert, delete and failures. Synthetic data. */
class ShopwareClientTest {

    private static final WireMockServer SHOP = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String SECRET = "synthetic-client-secret-42";
    private static final String TOKEN = "/api/oauth/token";
    private static final String CUSTOMERS = "/api/customer";
    private static final String ID = ShopwareCustomers.customerId("T-1");

    private ShopwareClient client;

    @BeforeAll
    static void startShop() {
        SHOP.start();
    }

    @AfterAll
    static void stopShop() {
        SHOP.stop();
    }

    @BeforeEach
    void reset() {
        SHOP.resetAll();
        client = client(SHOP.baseUrl());
    }

    private static ShopwareClient client(String adminUrl) {
        ShopProperties settings = new ShopProperties(ShopProperties.Api.SHOPWARE, adminUrl + "/", "werkbridge-hub", SECRET,
                Duration.ofSeconds(5));
        DestinationCredentials credentials = new DestinationCredentials(new DestinationAuthProperties(Map.of()),
                new DefaultSslBundleRegistry());
        return new ShopwareClient(settings, credentials.bearerTokens("shop", ShopwareClient.tokenEndpoint(settings)));
    }

    private static void token(String value, long expiresIn) {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}")));
    }

    private static ObjectNode customer(String number) {
        return (ObjectNode) CanonicalJson.read("{\"customerNumber\":\"" + number + "\",\"company\":\"Synth GmbH\"}");
    }

    @Test
    void oneTokenIsFetchedForConcurrentCallersAndReused() throws Exception {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"token-1\",\"expires_in\":600,\"token_type\":\"Bearer\"}").withFixedDelay(300)));
        SHOP.stubFor(patch(urlPathMatching(CUSTOMERS + "/[0-9a-f]{32}")).willReturn(aResponse().withStatus(204)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CompletableFuture.allOf(IntStream.range(0, 6).mapToObj(i -> CompletableFuture.runAsync(() ->
                    client.upsert(ShopwareCustomers.customerId("T-" + i), customer("T-" + i), "m-" + i), pool))
                    .toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        client.upsert(ID, customer("T-1"), "m-7");

        // Spring Security's client-credentials request, with the client's id and secret in the form (as Shopware takes them)
        SHOP.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=werkbridge-hub"))
                .withRequestBody(containing("client_secret=" + SECRET)));
        List<LoggedRequest> patches = SHOP.findAll(patchRequestedFor(urlPathMatching(CUSTOMERS + "/.*")));
        assertThat(patches).hasSize(7).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer token-1"));
        assertThat(patches).extracting(r -> r.getHeader("Idempotency-Key")).contains("m-0", "m-5", "m-7");
    }

    @Test
    void tokenWithoutLifetimeLeftIsNotReused() {
        token("short-lived", 0);
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID)).willReturn(aResponse().withStatus(204)));
        client.upsert(ID, customer("T-1"), "m-1");
        client.upsert(ID, customer("T-1"), "m-2");
        SHOP.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void refusedTokenIsRenewedOnceAndTheCallRepeated() {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"old\",\"expires_in\":600,\"token_type\":\"Bearer\"}")).willSetStateTo("renewed"));
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\":\"new\",\"expires_in\":600,\"token_type\":\"Bearer\"}")));
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID)).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401)));
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID)).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(aResponse().withStatus(204)));

        client.upsert(ID, customer("T-1"), "m-1");
        client.upsert(ID, customer("T-1"), "m-2");

        SHOP.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN)));
        SHOP.verify(exactly(1), patchRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + ID)).withHeader("Authorization", equalTo("Bearer old")));
        SHOP.verify(exactly(2), patchRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + ID)).withHeader("Authorization", equalTo("Bearer new")));
    }

    @Test
    void secondRefusalFailsSayingTheShopRefusedTheCredentials() {
        token("refused-token", 600);
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(AuthenticationRefusedException.class)
                .hasMessageContaining("refused the hub's credentials").hasMessageContaining("PATCH /api/customer/{id}")
                .message().doesNotContain(SECRET).doesNotContain("refused-token").doesNotContain(ID);
        SHOP.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN)));
        SHOP.verify(exactly(2), patchRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + ID)));
    }

    @Test
    void refusedClientCredentialsFailWithoutTheSecret() {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(AuthenticationRefusedException.class)
                .hasMessage("destination shop: the token endpoint refused the hub's client credentials (HTTP 401)");
        SHOP.verify(exactly(0), patchRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void unknownCustomerIsCreatedWithItsId() {
        token("t", 600);
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID)).willReturn(aResponse().withStatus(404)));
        SHOP.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(aResponse().withStatus(204)));

        client.upsert(ID, customer("T-1"), "m-1");

        SHOP.verify(exactly(1), postRequestedFor(urlPathEqualTo(CUSTOMERS))
                .withHeader("Authorization", equalTo("Bearer t"))
                .withHeader("Idempotency-Key", equalTo("m-1"))
                .withRequestBody(equalToJson("{\"id\":\"" + ID + "\",\"customerNumber\":\"T-1\",\"company\":\"Synth GmbH\"}")));
    }

    @Test
    void deleteIsSentAsDeleteAndAnUnknownCustomerCountsAsDeleted() {
        token("t", 600);
        SHOP.stubFor(delete(urlPathEqualTo(CUSTOMERS + "/" + ID)).willReturn(aResponse().withStatus(204)));
        String other = ShopwareCustomers.customerId("T-2");
        SHOP.stubFor(delete(urlPathEqualTo(CUSTOMERS + "/" + other)).willReturn(aResponse().withStatus(404)));

        client.delete(ID, "m-1");
        client.delete(other, "m-2");

        SHOP.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + ID)).withHeader("Authorization", equalTo("Bearer t")));
        SHOP.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + other)));
    }

    @Test
    void errorAnswerFailsWithTheCallAndStatusButNotTheBody() {
        token("t", 600);
        SHOP.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/" + ID))
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"detail\":\"Synth GmbH broke\"}]}")));
        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(ShopApiException.class)
                .hasMessage("shop admin API answered 500 to PATCH /api/customer/{id}");
    }

    @Test
    void tokenEndpointDownIsAFailure() throws Exception {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("destination shop: no access token");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client("http://localhost:" + closedPort).upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("destination shop: no access token");
    }

    @Test
    void malformedTokenAnswerIsAFailure() {
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"expires_in\":600}")));
        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("destination shop: no access token");
        SHOP.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(200).withBody("<html>")));
        assertThatThrownBy(() -> client.upsert(ID, customer("T-1"), "m-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("destination shop: no access token");
    }

    @Test
    void shopwareModeNeedsEverySetting() {
        assertThatThrownBy(() -> ShopwareClient.tokenEndpoint(new ShopProperties(ShopProperties.Api.SHOPWARE, SHOP.baseUrl(),
                "werkbridge-hub", " ", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("werkbridge.destinations.shop.client-secret").hasMessageContaining("WERKBRIDGE_SHOP_CLIENT_SECRET");
        assertThatThrownBy(() -> ShopwareClient.tokenEndpoint(new ShopProperties(ShopProperties.Api.SHOPWARE, null,
                "werkbridge-hub", SECRET, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("admin-url");
        assertThat(new ShopProperties(null, null, null, SECRET, null).toString()).doesNotContain(SECRET);
    }
}
