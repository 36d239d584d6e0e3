package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The hub's side of OPC UA security, shared by every OPC UA client of the hub (camel-milo's subscriptions through
 * {@link SecuredMiloConnections} and the Milo SDK clients of {@link OpcUaPersonalNodes}):
 * <ul>
 *   <li>the application instance certificate, created on first start (RSA 2048, SHA-256, application URI
 *       {@value #APPLICATION_URI}) and kept in {@code <dir>/hub.pfx};</li>
 *   <li>the PKI folders as Milo lays them out: {@code pki/trusted/certs}, {@code pki/issuer/certs} (with their
 *       {@code crl/}), and {@code pki/rejected/}: a server certificate that is not trusted is written to
 *       {@code rejected/} and the connection fails until an operator moves it to {@code trusted/certs/} (or calls
 *       {@link #trust});</li>
 *   <li>the endpoint of a machine: the security policy and mode its file names (None only when it says so);</li>
 *   <li>the user identity: anonymous, user name with the password from an environment variable or file, or X.509.</li>
 * </ul>
 */
public final class OpcUaSecurity {

    public static final String APPLICATION_URI = "urn:werkbridge:hub";
    private static final String ALIAS = "werkbridge-hub";
    // the key store is protected by the data directory's file permissions; the password only satisfies PKCS#12
    private static final char[] KEY_STORE_PASSWORD = "werkbridge-hub".toCharArray();

    private final Path pki;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final FileBasedCertificateQuarantine rejected;
    private final CertificateValidator validator;
    private final Function<String, String> environment;

    /**
     * @param dir         the hub's OPC UA security folder, e.g. {@code <data-dir>/opcua}
     * @param environment the environment variables (System::getenv; replaceable in tests)
     */
    public OpcUaSecurity(Path dir, Function<String, String> environment) {
        this.environment = environment;
        try {
            Files.createDirectories(dir);
            this.pki = dir.resolve("pki");
            KeyStore keyStore = applicationInstance(dir.resolve("hub.pfx"));
            this.certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            this.keyPair = new KeyPair(certificate.getPublicKey(), (PrivateKey) keyStore.getKey(ALIAS, KEY_STORE_PASSWORD));
            this.trustList = FileBasedTrustListManager.createAndInitialize(pki);
            this.rejected = FileBasedCertificateQuarantine.create(pki.resolve("rejected"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the OPC UA application instance certificate or PKI folders under " + dir
                    + " cannot be created or read", e);
        }
        this.validator = new DefaultClientCertificateValidator(trustList, rejected);
    }

    /** The hub's application instance certificate (servers trust this one). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The PKI folder (trusted/, issuer/, rejected/). */
    public Path pki() {
        return pki;
    }

    /** The rejected server certificates: SHA-1 thumbprint (hex) → subject. */
    public List<RejectedCertificate> rejected() {
        List<RejectedCertificate> list = new ArrayList<>();
        for (X509Certificate c : rejected.getRejectedCertificates()) {
            list.add(new RejectedCertificate(thumbprint(c), c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant()));
        }
        return list;
    }

    /** A server certificate waiting for an operator's decision. */
    public record RejectedCertificate(String thumbprint, String subject, java.time.Instant notAfter) {
    }

    /**
     * Moves a rejected server certificate into the trust list.
     *
     * @return false when no rejected certificate has that thumbprint
     */
    public boolean trust(String thumbprint) {
        for (X509Certificate c : rejected.getRejectedCertificates()) {
            if (thumbprint(c).equalsIgnoreCase(thumbprint)) {
                trustList.addTrustedCertificate(c);
                rejected.removeRejectedCertificate(c);
                return true;
            }
        }
        return false;
    }

    /** Trusts a server certificate the operator already has (e.g. handed over with the machine). */
    public void trust(X509Certificate serverCertificate) {
        trustList.addTrustedCertificate(serverCertificate);
    }

    static String thumbprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(CertificateUtil.thumbprint(c).bytesOrEmpty());
        } catch (UaException e) {
            throw new IllegalStateException("a certificate's thumbprint cannot be computed", e);
        }
    }

    /** Connects a Milo SDK client to the machine's server with its file's security and identity. */
    public OpcUaClient connect(Connection.OpcUa connection) throws UaException {
        OpcUaClient client = OpcUaClient.create(connection.endpoint(), endpoints -> select(endpoints, connection),
                transport -> { }, builder -> configure(builder, connection));
        client.connect();
        return client;
    }

    /**
     * The endpoint of the machine's policy with at least its mode (SignAndEncrypt serves Sign); empty when the
     * server offers none, e.g. a server with only None for a machine whose file does not allow it.
     */
    public static Optional<EndpointDescription> select(List<EndpointDescription> endpoints, Connection.OpcUa connection) {
        String policy = policy(connection).getUri();
        MessageSecurityMode mode = MessageSecurityMode.valueOf(connection.securityMode());
        return endpoints.stream()
                .filter(e -> policy.equals(e.getSecurityPolicyUri()))
                .filter(e -> e.getSecurityMode() == mode
                        || (mode == MessageSecurityMode.Sign && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt))
                .filter(e -> e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:"))
                .findFirst();
    }

    static SecurityPolicy policy(Connection.OpcUa connection) {
        return SecurityPolicy.valueOf(connection.securityPolicy());
    }

    /** The hub's certificate, the trust list validating the server's, and the machine's identity. */
    public OpcUaClientConfigBuilder configure(OpcUaClientConfigBuilder builder, Connection.OpcUa connection) {
        return builder.setApplicationName(LocalizedText.english("Werkbridge"))
                .setApplicationUri(APPLICATION_URI)
                .setProductUri(APPLICATION_URI)
                .setKeyPair(keyPair)
                .setCertificate(certificate)
                .setCertificateChain(new X509Certificate[] {certificate})
                .setCertificateValidator(validator)
                .setIdentityProvider(identity(connection.identity()));
    }

    /** The session's identity; a missing secret is reported by where it should be, never by a value. */
    IdentityProvider identity(Connection.OpcUaIdentity identity) {
        return switch (identity.type()) {
            case "username" -> new UsernameProvider(identity.username(),
                    secret(identity.passwordEnv(), identity.passwordFile(), "password"));
            case "x509" -> x509(identity);
            default -> new AnonymousProvider();
        };
    }

    private IdentityProvider x509(Connection.OpcUaIdentity identity) {
        char[] password = secret(identity.keyStorePasswordEnv(), identity.keyStorePasswordFile(), "key store password")
                .toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(identity.keyStore()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.aliases().nextElement();
            return new X509IdentityProvider((X509Certificate) store.getCertificate(alias),
                    (PrivateKey) store.getKey(alias, password));
        } catch (IOException | GeneralSecurityException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("the X.509 user identity key store " + identity.keyStore()
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String secret(String env, String file, String what) {
        if (env != null) {
            String value = environment.apply(env);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("the OPC UA " + what + " is not set: environment variable " + env
                        + " is empty or missing");
            }
            return value;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the OPC UA " + what + " file " + file + " cannot be read");
        }
    }

    /** The hub's key store: read, or created with a new self-signed application instance certificate. */
    private static KeyStore applicationInstance(Path file) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, KEY_STORE_PASSWORD);
            }
            return keyStore;
        }
        keyStore.load(null, KEY_STORE_PASSWORD);
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert;
        try {
            cert = new SelfSignedCertificateBuilder(pair)
                    .setCommonName("Werkbridge hub")
                    .setOrganization("Werkbridge")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1")
                    .setValidityPeriod(java.time.Period.ofYears(5))
                    .build();
        } catch (Exception e) {
            throw new GeneralSecurityException("the application instance certificate cannot be generated", e);
        }
        keyStore.setKeyEntry(ALIAS, pair.getPrivate(), KEY_STORE_PASSWORD, new X509Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, KEY_STORE_PASSWORD);
        }
        return keyStore;
    }

    /** Thrown for a server that offers no endpoint of the machine's security. */
    static UaException noEndpoint(Connection.OpcUa connection) {
        return new UaException(StatusCodes.Bad_SecurityPolicyRejected, "the server offers no endpoint with security policy "
                + connection.securityPolicy() + " and mode " + connection.securityMode());
    }
}
