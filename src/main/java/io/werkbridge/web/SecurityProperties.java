package io.werkbridge.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Clients of the hub's HTTP and SOAP endpoints, each with an encoded password and only the roles it needs
 * ({@code werkbridge.security.*}; the request limits under {@code werkbridge.security.limits} are
 * {@link RequestLimitProperties}).
 *
 * @param users            the clients by name
 * @param jwt              how OAuth2 bearer tokens carry roles (used only when a JWT issuer is configured)
 * @param passwordCacheTtl how long a verified HTTP Basic password is remembered; 0 turns the cache off
 * @param logins           how many failed logins a client name or an address may have before it is throttled
 */
@Validated
@ConfigurationProperties("werkbridge.security")
public record SecurityProperties(Map<String, @Valid Client> users, @Valid Jwt jwt,
                                 @DurationMin(nanos = 0) Duration passwordCacheTtl, @Valid Logins logins) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        jwt = jwt == null ? new Jwt(null) : jwt;
        passwordCacheTtl = passwordCacheTtl == null ? Duration.ofMinutes(5) : passwordCacheTtl;
        logins = logins == null ? new Logins(null, null, null) : logins;
    }

    /**
     * @param maxFailures          failed logins of one client name within the window; further attempts get 429
     * @param maxFailuresPerAddress failed logins from one source address (whatever the names) within the window
     * @param window               how long failures are counted from the first one, and so the longest lockout
     */
    public record Logins(@Min(1) Integer maxFailures, @Min(1) Integer maxFailuresPerAddress,
                         @DurationMin(seconds = 1) Duration window) {
        public Logins {
            maxFailures = maxFailures == null ? 10 : maxFailures;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 50 : maxFailuresPerAddress;
            window = window == null ? Duration.ofMinutes(5) : window;
        }
    }

    /** @param password an encoded password with its id prefix, e.g. {@code {bcrypt}$2a$10$...} */
    public record Client(@NotBlank String password, List<String> roles) {
        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** @param rolesClaim the token claim that lists the client's roles */
    public record Jwt(@NotBlank String rolesClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        }
    }
}
