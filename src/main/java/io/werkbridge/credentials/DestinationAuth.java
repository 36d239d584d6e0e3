package io.werkbridge.credentials;

import java.net.URI;
import java.util.List;

/**
 * One destination's authentication ({@code werkbridge.destinations.<name>.auth}). Which fields a type needs is a rule
 * across fields, checked by {@link #check(String)} at start-up; a secret is given either as a value (from an
 * environment variable placeholder) or as a file (a mounted secret), never both.
 *
 * @param type                 none, basic, api-key, oauth2-client-credentials or mtls
 * @param username             basic: the user
 * @param password             basic: the password
 * @param passwordFile         basic: a file holding the password
 * @param header               api-key: the header that carries the key (default {@code X-API-Key})
 * @param key                  api-key: the key
 * @param keyFile              api-key: a file holding the key
 * @param tokenUri             oauth2-client-credentials: the authorization server's token endpoint
 * @param clientId             oauth2-client-credentials: the hub's client id
 * @param clientSecret         oauth2-client-credentials: its secret
 * @param clientSecretFile     oauth2-client-credentials: a file holding the secret
 * @param clientAuthentication oauth2-client-credentials: how the client authenticates at the token endpoint,
 *                             {@code basic} (HTTP Basic, the default) or {@code post} (in the form body)
 * @param scopes               oauth2-client-credentials: the scopes to ask for (none by default)
 * @param sslBundle            mtls: the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) with the client key store
 *                             and the trust store
 */
public record DestinationAuth(Type type, String username, String password, String passwordFile, String header,
                              String key, String keyFile, URI tokenUri, String clientId, String clientSecret,
                              String clientSecretFile, ClientAuthentication clientAuthentication, List<String> scopes,
                              String sslBundle) {

    public static final DestinationAuth NONE = new DestinationAuth(Type.NONE, null, null, null, null, null, null, null,
            null, null, null, null, null, null);
    static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

    public enum Type { NONE, BASIC, API_KEY, OAUTH2_CLIENT_CREDENTIALS, MTLS }

    public enum ClientAuthentication { BASIC, POST }

    public DestinationAuth {
        type = type == null ? Type.NONE : type;
        header = header == null || header.isBlank() ? DEFAULT_API_KEY_HEADER : header.strip();
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.BASIC : clientAuthentication;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Stops the start-up, naming the missing or conflicting setting (never a value), when the type lacks one. */
    void check(String destination) {
        String prefix = "werkbridge.destinations." + destination + ".auth.";
        switch (type) {
            case BASIC -> {
                required(prefix, "username", username);
                secret(prefix, "password", password, passwordFile);
            }
            case API_KEY -> {
                secret(prefix, "key", key, keyFile);
                if (!header.matches("[A-Za-z0-9-]+")) {
                    throw new IllegalStateException(prefix + "header must be an HTTP header name (letters, digits, dashes)");
                }
            }
            case OAUTH2_CLIENT_CREDENTIALS -> {
                if (tokenUri == null || !tokenUri.isAbsolute()) {
                    throw new IllegalStateException(prefix + "token-uri is required (an absolute http(s) URL) for type "
                            + "oauth2-client-credentials");
                }
                required(prefix, "client-id", clientId);
                secret(prefix, "client-secret", clientSecret, clientSecretFile);
            }
            case MTLS -> required(prefix, "ssl-bundle", sslBundle);
            case NONE -> {
                // nothing to check
            }
        }
    }

    private void required(String prefix, String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(prefix + name + " is required for type " + typeName());
        }
    }

    private void secret(String prefix, String name, String value, String file) {
        boolean hasValue = value != null && !value.isEmpty();
        boolean hasFile = file != null && !file.isBlank();
        if (hasValue == hasFile) {
            throw new IllegalStateException(prefix + name + " or " + prefix + name + "-file is required (exactly one)"
                    + " for type " + typeName());
        }
    }

    String typeName() {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "DestinationAuth[type=" + typeName() + ", username=" + username + ", header=" + header + ", tokenUri="
                + tokenUri + ", clientId=" + clientId + ", sslBundle=" + sslBundle + "]";
    }
}
