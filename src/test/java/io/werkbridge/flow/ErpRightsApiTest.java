package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.werkbridge.WerkbridgeApplication;
import io.werkbridge.model.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ERP as a SOAP rights target, switched on by configuration (werkbridge.rights.erp-soap.enabled) in a hub of its
 * own, so the shared test hub keeps the default (off): erasure through the rights API reaches the ERP as
 * anonymizeBusinessPartner with the configured Basic credentials, access collects what lookupCustomer answers.
 */
class ErpRightsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void erasureAndAccessReachTheErpOverSoap() throws Exception {
        WireMockServer erp = new WireMockServer(wireMockConfig().dynamicPort());
        erp.start();
        ErpServiceStubs.defaults(erp);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(WerkbridgeApplication.class).profiles("test")
                .run("--server.port=0", "--spring.artemis.embedded.server-id=12", "--werkbridge.data-dir=" + data.toAbsolutePath(),
                        "--werkbridge.rights.erp-soap.enabled=true", "--werkbridge.destinations.erp.url=" + erp.baseUrl() + ErpServiceStubs.PATH,
                        "--werkbridge.destinations.erp.username=hub", "--werkbridge.destinations.erp.password=synthetic-secret")) {
            HttpCalls http = new HttpCalls(((WebServerApplicationContext) hub).getWebServer().getPort());

            String erasure = file(http, "{\"type\":\"erasure\",\"subject\":{\"customerNumber\":\"100234\",\"contactId\":\"K-2\"}}");
            await().atMost(WAIT).until(() -> state(http, erasure).equals("COMPLETED"));
            String soap = ErpServiceStubs.xml(ErpServiceStubs.requests(erp, "anonymizeBusinessPartner").get(0));
            assertThat(soap).contains("<customerNumber>100234</customerNumber>", "<contactId>K-2</contactId>");
            // the configured credentials go along as HTTP Basic
            assertThat(ErpServiceStubs.requests(erp, "anonymizeBusinessPartner").get(0).getHeader("Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("hub:synthetic-secret".getBytes(StandardCharsets.UTF_8)));

            String access = file(http, "{\"type\":\"access\",\"subject\":{\"customerNumber\":\"100234\"}}");
            await().atMost(WAIT).until(() -> state(http, access).equals("COMPLETED"));
            JsonNode export = CanonicalJson.read(http.send("GET", "/api/v1/rights/requests/" + access + "/export", null, "dpo").body());
            JsonNode fromErp = export.path("systems").path("erp");
            assertThat(fromErp.path("data").path("customerNumber").asText()).isEqualTo("100234");
            assertThat(fromErp.path("data").path("contacts").get(0).path("email").asText()).isEqualTo("erika@example.com");
        } finally {
            erp.stop();
        }
    }

    private static String file(HttpCalls http, String body) throws Exception {
        var created = http.send("POST", "/api/v1/rights/requests", body, "dpo");
        assertThat(created.statusCode()).isEqualTo(202);
        return CanonicalJson.read(created.body()).path("id").asText();
    }

    private static String state(HttpCalls http, String id) throws Exception {
        return CanonicalJson.read(http.send("GET", "/api/v1/rights/requests/" + id, null, "dpo").body()).path("state").asText();
    }
}
