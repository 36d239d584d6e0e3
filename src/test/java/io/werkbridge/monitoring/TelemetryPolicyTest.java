package io.werkbridge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyLoader;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped monitoring policy applied to telemetry attributes (config/privacy/destinations.yml, monitoring). */
class TelemetryPolicyTest {

    private final TelemetryPolicy policy = new TelemetryPolicy(new PolicyStore(new PolicyLoader(new DefaultResourceLoader()),
            "classpath:config/privacy/", new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC()));

    @Test
    void technicalAttributesAreKept() {
        assertThat(policy.disclose("method", "POST")).contains("POST");
        assertThat(policy.disclose("uri", "/api/v1/shop/customers/{customerNumber}")).contains("/api/v1/shop/customers/{customerNumber}");
        assertThat(policy.disclose("http.response.status_code", "401")).contains("401");
        assertThat(policy.disclose("destination", "portal")).contains("portal");
    }

    @Test
    void clientAddressesAreTruncatedAsTheAccessIpActionSays() {
        assertThat(policy.disclose("client.address", "203.0.113.77")).contains("203.0.113.0");
        assertThat(policy.disclose("network.peer.address", "2001:db8:abcd:12:1::1")).contains("2001:db8:abcd::");
        // an address under any other key is access data too
        assertThat(policy.disclose("remote", "198.51.100.23")).contains("198.51.100.0");
        assertThat(policy.disclose("client.address", "not-an-address")).isEmpty();
    }

    @Test
    void usersSubjectsAndMessageValuesAreDropped() {
        assertThat(policy.disclose("user.name", "erika.musterfrau")).isEmpty();
        assertThat(policy.disclose("enduser.id", "erp")).isEmpty();
        assertThat(policy.disclose("customerNumber", "K-1001")).isEmpty();
        assertThat(policy.disclose("http.url", "http://hub/api/v1/shop/customers/K-1001")).isEmpty();
        assertThat(policy.disclose("exception.message", "customer K-1001 not found")).isEmpty();
        // a technical key whose value is personal all the same
        assertThat(policy.disclose("error", "mail to erika.musterfrau@example.com bounced")).isEmpty();
        assertThat(policy.disclose("iban", "DE89370400440532013000")).isEmpty();
    }
}
