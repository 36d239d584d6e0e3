package io.werkbridge.privacy;

import io.werkbridge.privacy.audit.DisclosureLog;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code privacy:<destination>} component: a route reads {@code - to: "privacy:shop"}. */
public final class PrivacyComponent extends DefaultComponent {

    private final PolicyStore policies;
    private final DisclosureLog disclosures;

    public PrivacyComponent(PolicyStore policies, DisclosureLog disclosures) {
        this.policies = policies;
        this.disclosures = disclosures;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("privacy endpoint needs a destination id, e.g. privacy:shop");
        }
        return new PrivacyEndpoint(uri, this, remaining, policies, disclosures);
    }
}
