package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A message accepted at the SOAP edge survives a restart of the hub and its embedded broker, and is delivered
 * exactly once afterwards. Two hub lifetimes share one data directory (journal and database).
 */
class CustomerMasterRestartTest {

    private static final WireMockServer DESTINATIONS = new WireMockServer(wireMockConfig().dynamicPort());

    @TempDir
    static Path data;

    @BeforeAll
    static void startStubs() {
        DESTINATIONS.start();
        DESTINATIONS.stubFor(post(urlPathMatching("/(shop|portal)/customers")).willReturn(aResponse().withStatus(202)));
    }

    @AfterAll
    static void stopStubs() {
        DESTINATIONS.stop();
    }

    @Test
    void acceptedMessageIsDeliveredOnceAfterRestart() throws Exception {
        String number = "R-1001";
        try (ConfigurableApplicationContext first = startHub()) {
            CamelContext camel = first.getBean(CamelContext.class);
            camel.getRouteController().stopRoute("customer-master-to-shop");
            camel.getRouteController().stopRoute("customer-master-to-portal");
            int port = SeparateHub.port(first);
            assertThat(SoapRequests.post(port, SoapRequests.publishCustomer(number, "2026-11-20T10:15:00Z", "r@example.com", "x"))
                    .statusCode()).isEqualTo(200);
        }
        assertThat(DESTINATIONS.getAllServeEvents()).isEmpty();

        try (ConfigurableApplicationContext second = startHub()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> DESTINATIONS.getAllServeEvents().size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> DESTINATIONS.getAllServeEvents().size() == 2);
            assertThat(DESTINATIONS.getAllServeEvents())
                    .extracting(e -> e.getRequest().getUrl())
                    .containsExactlyInAnyOrder("/shop/customers", "/portal/customers");
            assertThat(DESTINATIONS.getAllServeEvents())
                    .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains(number));
        }
    }

    private static ConfigurableApplicationContext startHub() {
        return SeparateHub.start(7, data, DESTINATIONS.baseUrl());
    }
}
