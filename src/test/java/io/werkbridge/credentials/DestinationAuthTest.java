package io.werkbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;

/** Start-up checks of werkbridge.destinations.<name>.auth and the headers each type puts on a delivery. */
class DestinationAuthTest {

    private static final String SECRET = "synthetic-secret-4711";

    private static DestinationAuth auth(DestinationAuth.Type type, String username, String password, String passwordFile,
                                        String key, URI tokenUri, String clientId, String clientSecret, String bundle) {
        return new DestinationAuth(type, username, password, passwordFile, null, key, null, tokenUri, clientId,
                clientSecret, null, null, null, bundle);
    }

    private static DestinationCredentials credentials(String destination, DestinationAuth auth) {
        return new DestinationCredentials(new DestinationAuthProperties(
                Map.of(destination, new DestinationAuthProperties.Destination(auth))), new DefaultSslBundleRegistry());
    }

    @Test
    void missingSettingsStopTheStartNamingTheSettingNeverAValue() {
        assertThatThrownBy(() -> credentials("portal", auth(DestinationAuth.Type.BASIC, "werkbridge", null, null, null, null, null, null, null)))
                .hasMessage("werkbridge.destinations.portal.auth.password or werkbridge.destinations.portal.auth.password-file"
                        + " is required (exactly one) for type basic");
        assertThatThrownBy(() -> credentials("portal", auth(DestinationAuth.Type.OAUTH2_CLIENT_CREDENTIALS, null, null, null, null,
                null, "hub", SECRET, null)))
                .hasMessageContaining("werkbridge.destinations.portal.auth.token-uri is required").message().doesNotContain(SECRET);
        assertThatThrownBy(() -> credentials("erp", auth(DestinationAuth.Type.MTLS, null, null, null, null, null, null, null, "nope")))
                .hasMessage("werkbridge.destinations.erp.auth.ssl-bundle names no SSL bundle of spring.ssl.bundle.*");
        assertThatThrownBy(() -> credentials("app", auth(DestinationAuth.Type.API_KEY, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("werkbridge.destinations.app.auth.key or");
        assertThat(auth(DestinationAuth.Type.BASIC, "werkbridge", SECRET, null, SECRET, null, null, SECRET, null).toString())
                .doesNotContain(SECRET);
    }

    @Test
    void basicFromAMountedFileIsReadAgainAfterARefusal(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "first-password\n");
        DestinationCredentials credentials = credentials("shop",
                auth(DestinationAuth.Type.BASIC, "werkbridge", null, file.toString(), null, null, null, null, null));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        credentials.apply(exchange, "shop");
        assertThat(exchange.getMessage().getHeader("Authorization", String.class))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("werkbridge:first-password".getBytes()));

        Files.writeString(file, "rotated-password\n");
        credentials.refused(exchange);
        assertThat(exchange.getProperty(DestinationCredentials.REFUSED, Boolean.class)).isTrue();
        credentials.apply(exchange, "shop");
        assertThat(exchange.getMessage().getHeader("Authorization", String.class))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("werkbridge:rotated-password".getBytes()));
    }

    @Test
    void aDestinationWithoutAuthGetsNoHeader() {
        DestinationCredentials credentials = credentials("portal", DestinationAuth.NONE);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        credentials.apply(exchange, "shop");
        assertThat(exchange.getMessage().getHeaders()).isEmpty();
    }
}
