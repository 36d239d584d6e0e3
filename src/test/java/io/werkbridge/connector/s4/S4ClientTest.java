package io.werkbridge.connector.s4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading entity sets: streamed, __next followed on the configured system only, 5xx retried, settings validated. */
class S4ClientTest {

    private static final String SET = "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner";
    private final WireMockServer s4 = new WireMockServer(wireMockConfig().dynamicPort());
    private S4Client client;

    @BeforeEach
    void start() {
        s4.start();
        client = new S4Client(settings(s4.baseUrl(), 2), CircuitBreaker.ofDefaults("s4-client-test"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        s4.stop();
    }

    private static S4Properties settings(String url, int retries) {
        return new S4Properties(true, url, null, null, "COMM_USER", "synthetic", null, 2, null, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), retries, Duration.ofMillis(10), null);
    }

    @Test
    void aPageIsStreamedAndItsNextLinkReturned() {
        s4.stubFor(get(urlPathEqualTo(SET)).willReturn(okJson(
                "{\"d\":{\"results\":[{\"BusinessPartner\":\"1\"},{\"BusinessPartner\":\"2\"}],\"__next\":\"A_BusinessPartner?$skiptoken=2\"}}")));
        List<JsonNode> read = new ArrayList<>();
        URI next = client.page(client.resolve("A_BusinessPartner", "$top=2"), read::add);
        assertThat(read).extracting(n -> n.path("BusinessPartner").asText()).containsExactly("1", "2");
        assertThat(next).hasToString(s4.baseUrl() + SET + "?$skiptoken=2");
    }

    @Test
    void aNextLinkToAnotherSystemIsNotFollowed() {
        s4.stubFor(get(urlPathEqualTo(SET)).willReturn(okJson(
                "{\"d\":{\"results\":[],\"__next\":\"https://elsewhere.example/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner\"}}")));
        assertThatThrownBy(() -> client.page(client.resolve("A_BusinessPartner", null), n -> { }))
                .isInstanceOf(S4Exception.class).hasMessageContaining("outside werkbridge.s4.url");
    }

    @Test
    void unavailableIsRetriedThenReadAndOtherRefusalsAreNot() {
        s4.stubFor(get(urlPathEqualTo(SET)).inScenario("s4").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        s4.stubFor(get(urlPathEqualTo(SET)).inScenario("s4").whenScenarioStateIs("up")
                .willReturn(okJson("{\"d\":{\"results\":[{\"BusinessPartner\":\"7\"}]}}")));
        List<JsonNode> read = new ArrayList<>();
        assertThat(client.page(client.resolve("A_BusinessPartner", null), read::add)).isNull();
        assertThat(read).hasSize(1);
        s4.verify(2, getRequestedFor(urlPathEqualTo(SET)));

        s4.resetAll();
        s4.stubFor(get(urlPathEqualTo(SET)).willReturn(aResponse().withStatus(403).withBody("secret partner data")));
        assertThatThrownBy(() -> client.page(client.resolve("A_BusinessPartner", null), n -> { }))
                .hasMessage("S/4 answered 403 to GET entity set (check the communication user's credentials and roles)");
        s4.verify(1, getRequestedFor(urlPathEqualTo(SET)));
    }

    @Test
    void notOdataJsonIsRefused() {
        s4.stubFor(get(urlPathEqualTo(SET)).willReturn(okJson("{\"value\":[]}")));
        assertThatThrownBy(() -> client.page(client.resolve("A_BusinessPartner", null), n -> { }))
                .hasMessage("S/4 answered GET entity set without d.results");
    }

    @Test
    void enabledNeedsAnAddressAndExactlyOneWayToSignIn() {
        assertThat(new S4Properties(false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                .isComplete()).isTrue();
        assertThat(settings("https://s4.example", 0).isComplete()).isTrue();
        assertThat(settings("ftp://s4.example", 0).isComplete()).isFalse();
        assertThat(new S4Properties(true, "https://s4.example", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null).isComplete()).isFalse();
        assertThat(new S4Properties(true, "https://s4.example", null, null, "u", "p",
                new S4Properties.OAuth2("https://t.example/token", "c", "s"), null, null, null, null, null, null, null, null, null)
                .isComplete()).isFalse();
        assertThat(new S4Properties(true, "https://s4.example", null, null, null, null,
                new S4Properties.OAuth2("https://t.example/token", "c", null), null, null, null, null, null, null, null, null, null)
                .isComplete()).isFalse();
    }
}
