package io.werkbridge.credentials;

import java.time.Duration;
import java.util.List;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * One destination's OAuth2 client-credentials tokens, through Spring Security's OAuth2 client: the token is cached
 * (in the authorized-client service) until {@link #RENEW_BEFORE} before it expires, and {@link #renew(String)} drops
 * a token the destination refused so the next call fetches a new one. Concurrent callers share one fetch.
 */
public final class BearerTokens {

    /** A token is renewed this long before it expires, so that it does not expire on its way. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(30);
    /** The principal the hub's tokens are held for: the hub itself, never a user. */
    private static final String HUB = "werkbridge";
    /** The token endpoint's error code when it gave no usable answer at all (unreachable, not OAuth2). */
    private static final String NO_TOKEN_RESPONSE = "invalid_token_response";

    private final String destination;
    private final InMemoryOAuth2AuthorizedClientService clients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    BearerTokens(String destination, DestinationAuth auth, Duration timeout) {
        this.destination = destination;
        ClientRegistration registration = ClientRegistration.withRegistrationId(destination)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientId(auth.clientId())
                .clientSecret(Secrets.resolve(auth.clientSecret(), auth.clientSecretFile(),
                        "werkbridge.destinations." + destination + ".auth.client-secret"))
                .clientAuthenticationMethod(auth.clientAuthentication() == DestinationAuth.ClientAuthentication.POST
                        ? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .tokenUri(auth.tokenUri().toString())
                .scope(auth.scopes())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(List.of(registration));
        this.clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(tokenEndpointClient(timeout));
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient).clockSkew(RENEW_BEFORE))
                .build());
    }

    /** The token endpoint's client as Spring Security builds it, with timeouts (its default has none). */
    private static RestClient tokenEndpointClient(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    public synchronized String token() {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(destination).principal(HUB).build());
        } catch (OAuth2AuthorizationException e) {
            // the error code is the server's (invalid_client, unauthorized_client...), never the secret
            String code = e.getError().getErrorCode();
            HttpClientErrorException refused = clientError(e);
            if (refused != null && refused.getStatusCode().value() != 429) {
                // 400, 401 or 403 without an OAuth2 error body: the client credentials themselves are refused
                throw new AuthenticationRefusedException("destination " + destination + ": the token endpoint refused"
                        + " the hub's client credentials (HTTP " + refused.getStatusCode().value() + ")", e);
            }
            if (NO_TOKEN_RESPONSE.equals(code)) {
                throw new IllegalStateException("destination " + destination + ": no access token from the token"
                        + " endpoint (not reachable or not an OAuth2 answer)", e);
            }
            throw new AuthenticationRefusedException("destination " + destination + ": the token endpoint refused the"
                    + " hub's client credentials (" + code + ")", e);
        }
        if (client == null) {
            throw new IllegalStateException("destination " + destination + ": the token endpoint issued no access token");
        }
        return client.getAccessToken().getTokenValue();
    }

    /** The token endpoint's 4xx answer behind Spring Security's wrapping, if that is what failed. */
    private static HttpClientErrorException clientError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClientErrorException error) {
                return error;
            }
        }
        return null;
    }

    /** Drops the token the destination refused, unless another caller has replaced it already. */
    public synchronized void renew(String refused) {
        OAuth2AuthorizedClient cached = clients.loadAuthorizedClient(destination, HUB);
        if (cached != null && (refused == null || cached.getAccessToken().getTokenValue().equals(refused))) {
            clients.removeAuthorizedClient(destination, HUB);
        }
    }
}
