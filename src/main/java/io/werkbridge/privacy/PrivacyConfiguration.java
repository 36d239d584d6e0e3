package io.werkbridge.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureSearch;
import io.werkbridge.privacy.audit.DisclosureVerifier;
import io.werkbridge.privacy.camel.DecisionMetrics;
import io.werkbridge.privacy.camel.GatedRoutes;
import io.werkbridge.privacy.camel.PrivacyComponent;
import io.werkbridge.privacy.gate.GatedChannel;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.PolicyWatcher;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyLoader;
import io.werkbridge.privacy.vault.DataKeys;
import io.werkbridge.privacy.vault.HubSecrets;
import io.werkbridge.privacy.vault.PseudonymVault;
import io.werkbridge.privacy.vault.SealedBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Wires the policy, the value operators and the {@code privacy:} component. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    private static final Pattern BASE64 = Pattern.compile("^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    /**
     * The keyset that seals vault values and rights data, kept in the database under the hub key. A former hub key in
     * {@code werkbridge.privacy.previous-hash-key} re-wraps it under a new one; without it a changed key stops the start.
     */
    @Bean
    DataKeys dataKeys(PrivacyProperties privacy, JdbcTemplate jdbc) {
        String previousKey = privacy.previousHashKey();
        return DataKeys.open(jdbc, hubKey(privacy.hashKey(), jdbc), previousKey.isBlank() ? null : decode(previousKey),
                privacy.dataKeyRotation(), Clock.systemUTC());
    }

    @Bean
    SealedBox sealedBox(DataKeys keys) {
        return new SealedBox(keys);
    }

    /** Entries still in the former format are converted before the vault is used. */
    @Bean
    PseudonymVault pseudonymVault(PrivacyProperties privacy, JdbcTemplate jdbc, SealedBox box) {
        return PseudonymVault.open(jdbc, hubKey(privacy.hashKey(), jdbc), box);
    }

    @Bean
    ValueOperators valueOperators(PrivacyProperties privacy, JdbcTemplate jdbc, PseudonymVault vault) {
        return new ValueOperators(hubKey(privacy.hashKey(), jdbc), vault);
    }

    /** The configured key, or the one generated once and kept in the database. */
    private static byte[] hubKey(String configuredKey, JdbcTemplate jdbc) {
        return configuredKey.isBlank() ? new HubSecrets(jdbc).getOrCreate("privacy.hash-key", 32) : decode(configuredKey);
    }

    /** Base64 when it decodes to 32 bytes or more, otherwise the UTF-8 bytes of the text. */
    private static byte[] decode(String key) {
        if (BASE64.matcher(key).matches()) {
            byte[] decoded = Base64.getDecoder().decode(key);
            if (decoded.length >= 32) {
                return decoded;
            }
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    JdbcSubjectRestrictions subjectRestrictions(NamedParameterJdbcTemplate jdbc) {
        return new JdbcSubjectRestrictions(jdbc);
    }

    @Bean
    PolicyStore policyStore(ResourceLoader resources, ValueOperators operators, SubjectRestrictions restrictions,
                            PrivacyProperties privacy) {
        String location = privacy.policyLocation();
        return new PolicyStore(new PolicyLoader(resources), location.endsWith("/") ? location : location + "/", operators,
                restrictions, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    PolicyWatcher policyWatcher(PolicyStore store) throws IOException {
        return new PolicyWatcher(store);
    }

    @Bean
    DisclosureLog disclosureLog(DataSource dataSource) {
        return new DisclosureLog(dataSource);
    }

    @Bean
    DisclosureVerifier disclosureVerifier(DataSource dataSource) {
        return new DisclosureVerifier(dataSource);
    }

    @Bean
    DisclosureSearch disclosureSearch(DataSource dataSource) {
        return new DisclosureSearch(dataSource);
    }

    @Bean("privacy")
    PrivacyComponent privacyComponent(PolicyStore policies, DisclosureLog disclosures, MeterRegistry meters) {
        return new PrivacyComponent(policies, disclosures, new DecisionMetrics(meters));
    }

    /** Also checks each reloaded policy: a destination a running route delivers to may not disappear. */
    @Bean
    GatedRoutes gatedRoutes(CamelContext camel, PolicyStore policies, ObjectProvider<GatedChannel> channels) {
        GatedRoutes routes = new GatedRoutes(camel, channels.orderedStream().toList());
        policies.addReloadCheck(routes::missingDestinations);
        return routes;
    }
}
