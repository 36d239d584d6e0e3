package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every HTTP and SOAP endpoint is authenticated (HTTP Basic against the configured clients). The WSDL and the
 * health probe are public: they are a contract and a liveness signal, not data. The console at {@code /console}
 * signs in with a form and a session instead (its own chain, with CSRF protection).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The browser console: form login with a session and CSRF protection. It also serves the console's own calls to
     * {@code /api/**} and the metrics: a request that carries a session cookie and no Authorization header is a console call, so it
     * is authorized by the same endpoint rules as an API client, but through the session and with the CSRF token on
     * every POST. Anything with an Authorization header goes to the stateless API chain below.
     */
    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ObjectMapper json, RequestLimitProperties limits,
                                        LoginThrottle logins) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        RequestMatcher apiCall = request -> path(request).startsWith("/api/") || path(request).equals("/actuator/prometheus");
        RequestMatcher console = request -> {
            String path = path(request);
            if (path.equals("/console") || path.startsWith("/console/") || path.equals("/login") || path.equals("/logout")
                    || path.equals("/default-ui.css")) {
                return true;
            }
            return apiCall.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getRequestedSessionId() != null;
        };
        limitRequests(http, json, limits);
        http.addFilterBefore(new LoginThrottleFilter(logins, json), UsernamePasswordAuthenticationFilter.class);
        http.securityMatcher(console)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/console", "/console/**").hasAnyRole("OPERATOR", "DPO");
                    endpointRules(auth);
                })
                .formLogin(form -> form.defaultSuccessUrl("/console/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // a console call without a valid session gets a bare 401 (no Basic challenge: the browser would
                // prompt); pages go to the sign-in form (form login's own entry point, kept so /login is generated)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), apiCall)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectMapper json, RequestLimitProperties limits,
                                    ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties security,
                                    LoginThrottle logins) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        if (jwtDecoder.getIfAvailable() != null) {
            String rolesClaim = security.jwt().rolesClaim();
            // Production clients: OAuth2 bearer tokens from the configured issuer; the roles claim carries the roles.
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(rolesClaim);
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
            LOG.info("OAuth2 bearer tokens accepted; roles from claim '{}'", rolesClaim);
        }
        limitRequests(http, json, limits);
        http.addFilterBefore(new LoginThrottleFilter(logins, json), BasicAuthenticationFilter.class);
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/services/**", "/api/**", "/simulator/**"))
                .authorizeHttpRequests(SecurityConfiguration::endpointRules)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    private static void limitRequests(HttpSecurity http, ObjectMapper json, RequestLimitProperties limits) {
        http.addFilterBefore(new BodySizeLimitFilter(limits.maxBody().toBytes(), limits.maxSoapBody().toBytes(),
                limits.maxDocumentBody().toBytes(), json), BasicAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits.requestsPerSecond(), limits.burst(), json, System::nanoTime),
                        BasicAuthenticationFilter.class);
    }

    /** Who may call which endpoint: the same rules whether the caller signs in per request or through the console. */
    private static void endpointRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(HttpMethod.GET, "/services/**").permitAll()
                .requestMatchers("/services/**").hasRole("ERP")
                .requestMatchers("/simulator/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/openapi/**").permitAll()
                .requestMatchers("/api/v1/shop/**").hasRole("SHOP")
                .requestMatchers("/api/v1/portal/**").hasRole("PORTAL")
                .requestMatchers("/api/v1/erp/**").hasRole("ERP")
                .requestMatchers("/api/v1/holds/**").hasAnyRole("OPERATOR", "DPO")
                .requestMatchers("/api/v1/rights/**", "/api/v1/retention/**").hasRole("DPO")
                .requestMatchers("/api/v1/machines/opcua/certificates/**").hasRole("OPERATOR")
                .requestMatchers("/api/v1/machines", "/api/v1/machines/**").hasAnyRole("OPERATOR", "DPO")
                .requestMatchers("/api/v1/operations/**").hasRole("OPERATOR")
                .requestMatchers("/actuator/**").hasRole("OPERATOR")
                // subject references are personal data: only the data protection officer reads the log
                .requestMatchers("/api/v1/audit/disclosures", "/api/v1/audit/disclosures/**").hasRole("DPO")
                .requestMatchers("/api/v1/audit/verify").hasAnyRole("OPERATOR", "DPO")
                .requestMatchers("/api/v1/privacy/detokenize").hasRole("DPO")
                .requestMatchers("/api/v1/privacy/**").hasAnyRole("OPERATOR", "DPO")
                .requestMatchers("/api/v1/audit/**").hasRole("DPO")
                .anyRequest().authenticated();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * bcrypt as configured per client ({@code {bcrypt}...}), with verified checks remembered for
     * {@code werkbridge.security.password-cache-ttl} (default 5 minutes; 0 turns it off) so API clients using HTTP
     * Basic on every request do not pay bcrypt every time.
     */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties security) {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                security.passwordCacheTtl(), 1000, Clock.systemUTC());
    }

    /** Failed logins per client name and address; it hears of them as Spring Security's failure events. */
    @Bean
    LoginThrottle loginThrottle(SecurityProperties security, MeterRegistry meters) {
        Counter failed = Counter.builder("werkbridge.security.logins.failed")
                .description("logins refused for a wrong password or an unknown client name")
                .register(meters);
        SecurityProperties.Logins logins = security.logins();
        return new LoginThrottle(logins.maxFailures(), logins.maxFailuresPerAddress(), logins.window(), failed,
                System::nanoTime);
    }

    @Bean
    UserDetailsService clients(SecurityProperties properties) {
        if (properties.users().isEmpty()) {
            LOG.warn("no clients configured: every authenticated endpoint refuses all callers until clients are set under "
                    + "werkbridge.security.users.<name>.password and .roles (README, Configuration)");
        }
        List<UserDetails> users = properties.users().entrySet().stream()
                .map(e -> User.withUsername(e.getKey())
                        .password(e.getValue().password())
                        .roles(e.getValue().roles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
