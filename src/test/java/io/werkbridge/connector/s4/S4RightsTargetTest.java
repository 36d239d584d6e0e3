package io.werkbridge.connector.s4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsTargetException;
import io.werkbridge.rights.SubjectIds;
import io.werkbridge.rights.TargetOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure and restriction reach S/4 as SAP does it: the partner is found by customer number, then blocked with
 * PATCH carrying the fetched X-CSRF-Token (with the session cookie of the fetch) and the partner's ETag; OAuth2
 * client credentials on every call. WireMock plays S/4 and its token endpoint.
 */
class S4RightsTargetTest {

    private static final String SERVICE = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
    private static final String ETAG = "W/\"datetime'2026-11-30T10%3A00%3A00'\"";
    private final WireMockServer s4 = new WireMockServer(wireMockConfig().dynamicPort());
    private S4RightsTarget target;

    @BeforeEach
    void start() {
        s4.start();
        S4Properties settings = new S4Properties(true, s4.baseUrl(), null, "100", null, null,
                new S4Properties.OAuth2(s4.baseUrl() + "/oauth/token", "werkbridge", "synthetic-client-secret"),
                null, null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ZERO, null);
        assertThat(settings.isComplete()).isTrue();
        target = new S4RightsTarget(new S4Client(settings, CircuitBreaker.ofDefaults("s4-test"), Clock.systemUTC()));
        s4.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"s4-token\",\"expires_in\":3600}")));
        ObjectNode partner = S4ODataSamples.partner(s4.baseUrl() + SERVICE, 4711, false, "PT10H00M00S");
        ((ObjectNode) partner.path("__metadata")).put("etag", ETAG);
        s4.stubFor(get(urlPathEqualTo(SERVICE + "/A_BusinessPartner")).withQueryParam("$filter", equalTo("Customer eq '0000004711'"))
                .willReturn(okJson(CanonicalJson.write(CanonicalJson.mapper().createObjectNode().set("d",
                        CanonicalJson.mapper().createObjectNode().set("results", CanonicalJson.mapper().createArrayNode().add(partner)))))));
        s4.stubFor(get(urlPathEqualTo(SERVICE + "/")).withHeader("X-CSRF-Token", equalTo("Fetch"))
                .willReturn(aResponse().withStatus(200).withHeader("X-CSRF-Token", "csrf-abc123")
                        .withHeader("Set-Cookie", "SAP_SESSIONID_S4H_100=synthetic-session; path=/")));
        s4.stubFor(patch(urlPathEqualTo(SERVICE + "/A_BusinessPartner('0000004711')")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        s4.stop();
    }

    @Test
    void erasureBlocksThePartnerWithTheFetchedCsrfTokenAndTheEtag() {
        TargetOutcome outcome = target.execute(RightsRequestType.ERASURE, new SubjectIds("4711", null, null), null);
        assertThat(outcome.result()).startsWith("blocked");

        List<LoggedRequest> patches = s4.findAll(patchRequestedFor(urlPathEqualTo(SERVICE + "/A_BusinessPartner('0000004711')")));
        assertThat(patches).hasSize(1);
        LoggedRequest change = patches.get(0);
        assertThat(change.getHeader("X-CSRF-Token")).isEqualTo("csrf-abc123");
        assertThat(change.getHeader("If-Match")).isEqualTo(ETAG);
        assertThat(change.getHeader("Authorization")).isEqualTo("Bearer s4-token");
        assertThat(change.getHeader("Cookie")).contains("SAP_SESSIONID_S4H_100=synthetic-session");
        assertThat(change.queryParameter("sap-client").firstValue()).isEqualTo("100");
        assertThat(CanonicalJson.read(change.getBodyAsString())).isEqualTo(CanonicalJson.read("{\"BusinessPartnerIsBlocked\":true}"));
        LoggedRequest fetch = s4.findAll(getRequestedFor(urlPathEqualTo(SERVICE + "/"))).get(0);
        assertThat(fetch.getHeader("Authorization")).isEqualTo("Bearer s4-token");
        assertThat(fetch.queryParameter("sap-client").firstValue()).isEqualTo("100");
    }

    @Test
    void restrictionBlocksToo() {
        assertThat(target.execute(RightsRequestType.RESTRICTION, new SubjectIds("4711", null, null), null).result()).startsWith("blocked");
        assertThat(s4.findAll(patchRequestedFor(urlPathEqualTo(SERVICE + "/A_BusinessPartner('0000004711')")))).hasSize(1);
    }

    @Test
    void aChangedPartnerIsAFailureNamingTheEtagNotAValue() {
        s4.stubFor(patch(urlPathEqualTo(SERVICE + "/A_BusinessPartner('0000004711')")).willReturn(aResponse().withStatus(412)));
        assertThatThrownBy(() -> target.execute(RightsRequestType.ERASURE, new SubjectIds("4711", null, null), null))
                .isInstanceOf(RightsTargetException.class).hasMessageContaining("412").hasMessageContaining("ETag")
                .message().doesNotContain("4711").doesNotContain("Vorname");
    }

    @Test
    void accessExportsThePartnerAsTheHubMapsIt() {
        s4.stubFor(get(urlPathEqualTo(SERVICE + "/A_BusinessPartner")).withQueryParam("$filter", equalTo("Customer eq '0000004711'"))
                .withQueryParam("$expand", equalTo(S4BusinessPartners.EXPAND))
                .willReturn(okJson(S4ODataSamples.page(s4.baseUrl() + SERVICE, 4711, 4711, 0, "PT10H00M00S", null))));
        TargetOutcome outcome = target.execute(RightsRequestType.ACCESS, new SubjectIds("4711", null, null), null);
        assertThat(outcome.result()).isEqualTo("exported");
        assertThat(CanonicalJson.read(outcome.data()).path("contacts").get(0).path("email").asText()).isEqualTo("bp4711@example.com");
        assertThat(s4.findAll(patchRequestedFor(urlPathEqualTo(SERVICE + "/A_BusinessPartner('0000004711')")))).isEmpty();
    }
}
