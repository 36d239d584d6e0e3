package io.werkbridge.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Clients of the hub's HTTP and SOAP endpoints, each with an encoded password and only the roles it needs. */
@ConfigurationProperties("werkbridge.security")
public record SecurityProperties(Map<String, Client> users) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** @param password an encoded password with its id prefix, e.g. {@code {bcrypt}$2a$10$...} */
    public record Client(String password, List<String> roles) {
        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
