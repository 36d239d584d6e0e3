package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.werkbridge.WerkbridgeApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Production clients with OAuth2 bearer tokens: the roles claim decides, bad or expired tokens are 401. */
class JwtClientsTest {

    @TempDir
    Path data;

    @Test
    void bearerTokensFromTheIssuerCarryTheClientsRoles() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        WireMockServer issuer = new WireMockServer(wireMockConfig().dynamicPort());
        issuer.start();
        issuer.stubFor(get("/jwks").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(WerkbridgeApplication.class).profiles("test")
                .run("--server.port=0", "--spring.artemis.embedded.server-id=10", "--werkbridge.data-dir=" + data.toAbsolutePath(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.baseUrl() + "/jwks")) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            String order = "{\"orderNumber\":\"ORD-J1\",\"customerNumber\":\"100234\",\"orderedBy\":{\"name\":\"Synth\"},"
                    + "\"lines\":[{\"partNumber\":\"DMU-50-3\",\"quantity\":1}]}";
            Instant now = Instant.now();
            assertThat(post(port, order, token(key, List.of("SHOP"), now.plusSeconds(300)))).isEqualTo(202);
            assertThat(post(port, order, token(key, List.of("PORTAL"), now.plusSeconds(300)))).isEqualTo(403);
            assertThat(post(port, order, token(key, List.of("SHOP"), now.minusSeconds(300)))).as("expired").isEqualTo(401);
            assertThat(post(port, order, token(stranger, List.of("SHOP"), now.plusSeconds(300)))).as("not the issuer's key").isEqualTo(401);
            assertThat(post(port, order, "not-a-jwt")).isEqualTo(401);
        } finally {
            issuer.stop();
        }
    }

    private static String token(RSAKey key, List<String> roles, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("shop-client").claim("roles", roles)
                        .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static int post(int port, String body, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/shop/orders"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
