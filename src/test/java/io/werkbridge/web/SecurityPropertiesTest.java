package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecurityPropertiesTest {

    @EnableConfigurationProperties(SecurityProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void unsetSettingsDefaultToNoClientsTheRolesClaimAndFiveMinutesOfPasswordCache() {
        context.run(c -> {
            SecurityProperties security = c.getBean(SecurityProperties.class);
            assertThat(security.users()).isEmpty();
            assertThat(security.jwt().rolesClaim()).isEqualTo("roles");
            assertThat(security.passwordCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void clientsAndTheTokenSettingsAreBound() {
        context.withPropertyValues("werkbridge.security.users.erp.password={noop}x", "werkbridge.security.users.erp.roles=ERP,OPERATOR",
                        "werkbridge.security.jwt.roles-claim=groups", "werkbridge.security.password-cache-ttl=0")
                .run(c -> {
                    SecurityProperties security = c.getBean(SecurityProperties.class);
                    assertThat(security.users().get("erp").roles()).isEqualTo(List.of("ERP", "OPERATOR"));
                    assertThat(security.jwt().rolesClaim()).isEqualTo("groups");
                    assertThat(security.passwordCacheTtl()).isZero();
                });
    }

    @Test
    void aNegativePasswordCacheTtlIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.security.password-cache-ttl=-1m")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.security.password-cache-ttl"));
    }

    @Test
    void aClientWithoutPasswordOrABlankRolesClaimIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.security.users.erp.roles=ERP")
                .run(c -> assertThat(BindingFailures.message(c)).contains("users[erp].password").contains("must not be blank"));
        context.withPropertyValues("werkbridge.security.jwt.roles-claim=")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.security").contains("jwt.rolesClaim")
                        .contains("must not be blank"));
    }
}
