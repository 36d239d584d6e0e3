package io.werkbridge.privacy.camel;

import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.gate.PolicyStore;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One destination's gate; producer only. */
public final class PrivacyEndpoint extends DefaultEndpoint {

    private final String destination;
    private final PolicyStore policies;
    private final DisclosureLog disclosures;
    private final DecisionMetrics metrics;

    PrivacyEndpoint(String uri, PrivacyComponent component, String destination, PolicyStore policies,
                    DisclosureLog disclosures, DecisionMetrics metrics) {
        super(uri, component);
        this.destination = destination;
        this.policies = policies;
        this.disclosures = disclosures;
        this.metrics = metrics;
    }

    /** The destination whose policy this gate applies. */
    public String destination() {
        return destination;
    }

    @Override
    public Producer createProducer() {
        return new PrivacyProducer(this, destination, policies, disclosures, metrics);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("privacy: is a gate on the way out; use it with 'to', not 'from'");
    }
}
