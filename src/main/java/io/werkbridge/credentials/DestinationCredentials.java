package io.werkbridge.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * Puts each destination's credentials on a delivery, as its {@code werkbridge.destinations.<name>.auth} says: the
 * route step {@code destinationCredentials.apply} right before the send sets the Authorization (or API-key) header,
 * {@code refused} after a 401 drops them, so that the one repeated send gets a new token or a rotated
 * secret file read again; mutual TLS is the send
 * endpoint's {@link #tls(String) SSL context}. Credentials never come from a header the message arrived with: the
 * route removed those before ({@code outboundHeaders}). Nothing here logs or reports a secret.
 */
@Component("destinationCredentials")
public final class DestinationCredentials {

    static final String AUTHORIZATION = "Authorization";
    /** Exchange property: the destination whose credentials the exchange carries. */
    public static final String DESTINATION = "WerkbridgeCredentialsFor";
    /** Exchange property: the destination refused the credentials once; the route sends once more. */
    public static final String REFUSED = "WerkbridgeCredentialsRefused";
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(DestinationCredentials.class);

    private final DestinationAuthProperties settings;
    private final Map<String, BearerTokens> tokens = new ConcurrentHashMap<>();
    private final Map<String, SSLContextParameters> tls = new ConcurrentHashMap<>();
    /** Destinations whose basic or API-key secret was refused: read again before the next send. */
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    /** Basic and API-key secrets as last read (a file is read again on renewal). */
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    public DestinationCredentials(DestinationAuthProperties settings, SslBundles bundles) {
        this.settings = settings;
        settings.destinations().forEach((destination, ignored) -> {
            DestinationAuth auth = settings.authOf(destination);
            auth.check(destination);
            switch (auth.type()) {
                case BASIC, API_KEY -> secrets.put(destination, readSecret(destination, auth));
                case OAUTH2_CLIENT_CREDENTIALS -> tokens.put(destination, new BearerTokens(destination, auth, TOKEN_TIMEOUT));
                case MTLS -> tls.put(destination, new BundleSslContextParameters(bundle(bundles, destination, auth)));
                case NONE -> {
                    // nothing to prepare
                }
            }
            if (auth.type() != DestinationAuth.Type.NONE) {
                LOG.info("destination {}: authenticates with {}", destination, auth.typeName());
            }
        });
    }

    private static org.springframework.boot.ssl.SslBundle bundle(SslBundles bundles, String destination, DestinationAuth auth) {
        try {
            return bundles.getBundle(auth.sslBundle().strip());
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("werkbridge.destinations." + destination + ".auth.ssl-bundle names no SSL"
                    + " bundle of spring.ssl.bundle.*", e);
        }
    }

    /** Route step before the send: the destination's credentials as its type says (nothing for none and mtls). */
    public void apply(Exchange exchange, String destination) {
        DestinationAuth auth = settings.authOf(destination);
        exchange.setProperty(DESTINATION, destination);
        org.apache.camel.Message message = exchange.getMessage();
        switch (auth.type()) {
            case BASIC -> message.setHeader(AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + secret(destination, auth)).getBytes(StandardCharsets.UTF_8)));
            case API_KEY -> message.setHeader(auth.header(), secret(destination, auth));
            case OAUTH2_CLIENT_CREDENTIALS -> message.setHeader(AUTHORIZATION, "Bearer " + tokens.get(destination).token());
            case NONE, MTLS -> {
                // mutual TLS is the endpoint's SSL context; none sends nothing
            }
        }
    }

    /**
     * Error handling step ({@code delivery}, {@code continued}) after the destination answered 401 to the first send:
     * the refused credentials are dropped (the cached token; a secret file is read again) and the exchange is marked
     * for the route's one repeated send, whose {@link #apply} fetches them anew. Does nothing that can fail.
     */
    public void refused(Exchange exchange) {
        String destination = exchange.getProperty(DESTINATION, String.class);
        if (destination == null) {
            return;
        }
        DestinationAuth auth = settings.authOf(destination);
        LOG.info("destination {} answered 401: renewing the hub's {} credentials and sending once more", destination,
                auth.typeName());
        switch (auth.type()) {
            case OAUTH2_CLIENT_CREDENTIALS -> {
                String header = exchange.getMessage().getHeader(AUTHORIZATION, String.class);
                tokens.get(destination).renew(header != null && header.startsWith("Bearer ") ? header.substring(7) : null);
            }
            case BASIC, API_KEY -> stale.add(destination);
            case NONE, MTLS -> {
                // nothing that could be renewed: the repeated send shows whether the refusal stands
            }
        }
        exchange.setProperty(REFUSED, true);
    }

    /** The OAuth2 tokens of a destination configured as oauth2-client-credentials. */
    public Optional<BearerTokens> bearerTokens(String destination) {
        return Optional.ofNullable(tokens.get(destination));
    }

    /**
     * The tokens of a connector that speaks OAuth2 itself (the shop's admin API): the destination's own
     * oauth2-client-credentials setting when it has one, otherwise the connector's {@code fallback} setting.
     */
    public BearerTokens bearerTokens(String destination, DestinationAuth fallback) {
        return tokens.computeIfAbsent(destination, d -> {
            fallback.check(d);
            return new BearerTokens(d, fallback, TOKEN_TIMEOUT);
        });
    }

    /** The SSL context of a destination configured as mtls, for its HTTP endpoint. */
    public Optional<SSLContextParameters> tls(String destination) {
        return Optional.ofNullable(tls.get(destination));
    }

    /** The basic or API-key secret; read again from its file after the destination refused it. */
    private String secret(String destination, DestinationAuth auth) {
        if (stale.remove(destination)) {
            secrets.put(destination, readSecret(destination, auth));
        }
        return secrets.get(destination);
    }

    private static String readSecret(String destination, DestinationAuth auth) {
        String setting = "werkbridge.destinations." + destination + ".auth.";
        return auth.type() == DestinationAuth.Type.BASIC
                ? Secrets.resolve(auth.password(), auth.passwordFile(), setting + "password")
                : Secrets.resolve(auth.key(), auth.keyFile(), setting + "key");
    }
}
