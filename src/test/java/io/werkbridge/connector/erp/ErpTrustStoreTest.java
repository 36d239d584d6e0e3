package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ERP client's trust store (werkbridge.destinations.erp.tls): read from a path, refused with a clear message. */
class ErpTrustStoreTest {

    @TempDir
    Path dir;

    private Path store(String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("erp-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    @Test
    void aPkcs12StoreFromAPathGivesTrustManagers() throws Exception {
        Path file = store("synthetic-pass");
        var factory = ErpClientConfiguration.trustManagers(new ErpClientProperties.Tls(file.toString(), "synthetic-pass"));
        assertThat(factory.getTrustManagers()).hasAtLeastOneElementOfType(X509TrustManager.class);
    }

    @Test
    void aMissingFileOrAWrongPasswordNamesThePropertyNotThePassword() throws Exception {
        assertThatThrownBy(() -> ErpClientConfiguration.trustManagers(new ErpClientProperties.Tls(dir.resolve("none.p12").toString(), "x")))
                .hasMessageContaining("werkbridge.destinations.erp.tls.trust-store");
        Path file = store("synthetic-pass");
        assertThatThrownBy(() -> ErpClientConfiguration.trustManagers(new ErpClientProperties.Tls(file.toString(), "wrong-secret")))
                .hasMessageContaining("werkbridge.destinations.erp.tls.trust-store").hasMessageNotContaining("wrong-secret");
    }
}
