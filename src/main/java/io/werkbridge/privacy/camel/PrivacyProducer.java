package io.werkbridge.privacy.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.audit.PendingDisclosure;
import io.werkbridge.privacy.gate.GateResult;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.PrivacyGateException;
import io.werkbridge.privacy.policy.DestinationPolicy;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the canonical message in the exchange by what the destination may receive and leaves the disclosure
 * pending ({@link PendingDisclosure}) for the delivery to record together with its own record.
 */
final class PrivacyProducer extends DefaultProducer {

    /** Header with the number of unclassified fields the gate removed. */
    public static final String UNCLASSIFIED_HEADER = "WerkbridgeUnclassifiedFields";
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyProducer.class);

    private final String destination;
    private final PolicyStore policies;
    private final DisclosureLog disclosures;
    private final DecisionMetrics metrics;

    PrivacyProducer(PrivacyEndpoint endpoint, String destination, PolicyStore policies, DisclosureLog disclosures,
                    DecisionMetrics metrics) {
        super(endpoint);
        this.destination = destination;
        this.policies = policies;
        this.disclosures = disclosures;
        this.metrics = metrics;
    }

    /**
     * A route that would deliver to a destination without a policy does not start: the gate would hold every message
     * it gets, and the register would list a recipient the policy does not describe.
     */
    @Override
    protected void doStart() throws Exception {
        if (policies.policy().destination(destination).isEmpty()) {
            throw new IllegalStateException("privacy:" + destination + ": destination '" + destination
                    + "' has no policy in destinations.yml; a route may only deliver to a destination the policy describes");
        }
        super.doStart();
    }

    @Override
    public void process(Exchange exchange) {
        JsonNode message = CanonicalJson.read(exchange.getMessage().getBody(String.class));
        if (!message.isObject()) {
            throw new PrivacyGateException("the privacy gate expects a canonical envelope (a JSON object)");
        }
        // the gate filters the tree in place: what the disclosure record needs of the original is read first
        String messageId = message.path("messageId").asText();
        String type = message.path("type").asText();
        String key = message.path("key").asText();
        GateResult result = policies.gate().filter(destination, (ObjectNode) message);
        if (!result.unclassified().isEmpty()) {
            LOG.warn("message {}: {} unclassified field(s) dropped for destination {}: {} (classify them in classification.yml)",
                    messageId, result.unclassified().size(), destination, result.unclassified());
        }
        exchange.getMessage().setBody(CanonicalJson.write(result.filtered()));
        exchange.getMessage().setHeader(UNCLASSIFIED_HEADER, result.unclassified().size());
        DestinationPolicy d = result.destination();
        PendingDisclosure pending = new PendingDisclosure(at -> new DisclosureRecord(at, messageId, type, key, result.subjectRefs(), d.id(),
                d.processor(), d.purpose(), d.legalBasis(), result.sent(), result.masked(), result.dropped(),
                result.unclassified(), result.policyVersion()), disclosures, () -> metrics.delivered(d.id(), result.actions()));
        exchange.setProperty(PendingDisclosure.PROPERTY, pending);
        exchange.getExchangeExtension().addOnCompletion(new RecordUnlessDelivered(pending));
    }

    /**
     * For a gate used outside a destination route (whose {@code recordDelivery} step records the disclosure together
     * with the delivery), e.g. the shop pull: records it once the exchange completed without error.
     */
    private static final class RecordUnlessDelivered extends SynchronizationAdapter {
        private final PendingDisclosure pending;

        RecordUnlessDelivered(PendingDisclosure pending) {
            this.pending = pending;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT) == null) {
                pending.record(Instant.now());
            }
        }
    }
}
