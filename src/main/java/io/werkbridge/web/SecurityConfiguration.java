package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every HTTP and SOAP endpoint is authenticated (HTTP Basic against the configured clients). The WSDL and the
 * health probe are public: they are a contract and a liveness signal, not data.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectMapper json, RequestLimitProperties limits,
                                    ObjectProvider<JwtDecoder> jwtDecoder,
                                    @Value("${werkbridge.security.jwt.roles-claim:roles}") String rolesClaim) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        if (jwtDecoder.getIfAvailable() != null) {
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
        http.addFilterBefore(new BodySizeLimitFilter(limits.maxBody().toBytes(), json), BasicAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits.requestsPerSecond(), limits.burst(), json, System::nanoTime),
                        BasicAuthenticationFilter.class);
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/services/**", "/api/**", "/simulator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/services/**").permitAll()
                        .requestMatchers("/services/**").hasRole("ERP")
                        .requestMatchers("/simulator/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi/**").permitAll()
                        .requestMatchers("/api/v1/shop/**").hasRole("SHOP")
                        .requestMatchers("/api/v1/portal/**").hasRole("PORTAL")
                        .requestMatchers("/api/v1/holds/**").hasAnyRole("OPERATOR", "DPO")
                        .requestMatchers("/api/v1/rights/**", "/api/v1/retention/**").hasRole("DPO")
                        .requestMatchers("/api/v1/machines", "/api/v1/machines/**").hasAnyRole("OPERATOR", "DPO")
                        .requestMatchers("/api/v1/operations/**").hasRole("OPERATOR")
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        // subject references are personal data: only the data protection officer reads the log
                        .requestMatchers("/api/v1/audit/disclosures", "/api/v1/audit/disclosures/**").hasRole("DPO")
                        .requestMatchers("/api/v1/audit/verify").hasAnyRole("OPERATOR", "DPO")
                        .requestMatchers("/api/v1/privacy/detokenize").hasRole("DPO")
                        .requestMatchers("/api/v1/privacy/**").hasAnyRole("OPERATOR", "DPO")
                        .requestMatchers("/api/v1/audit/**").hasRole("DPO")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService clients(SecurityProperties properties) {
        if (properties.users().isEmpty()) {
            LOG.warn("no clients configured under werkbridge.security.users: every authenticated endpoint refuses all callers");
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
