package io.werkbridge.privacy.camel;

import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.gate.PolicyStore;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code privacy:<destination>} component: a route reads {@code - to: "privacy:shop"}. */
public final class PrivacyComponent extends DefaultComponent {

    private final PolicyStore policies;
    private final DisclosureLog disclosures;
    private final DecisionMetrics metrics;

    public PrivacyComponent(PolicyStore policies, DisclosureLog disclosures, DecisionMetrics metrics) {
        this.policies = policies;
        this.disclosures = disclosures;
        this.metrics = metrics;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("privacy endpoint needs a destination id, e.g. privacy:shop");
        }
        return new PrivacyEndpoint(uri, this, remaining, policies, disclosures, metrics);
    }
}
