package io.werkbridge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the canonical message in the exchange by what the destination may receive, and records the disclosure
 * once the exchange has completed without error (that is, once the delivery after the gate succeeded).
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

    @Override
    public void process(Exchange exchange) {
        JsonNode message = CanonicalJson.read(exchange.getMessage().getBody(String.class));
        if (!message.isObject()) {
            throw new PrivacyGateException("the privacy gate expects a canonical envelope (a JSON object)");
        }
        GateResult result = policies.gate().filter(destination, (ObjectNode) message);
        if (!result.unclassified().isEmpty()) {
            LOG.warn("message {}: {} unclassified field(s) dropped for destination {}: {} (classify them in classification.yml)",
                    message.path("messageId").asText(), result.unclassified().size(), destination, result.unclassified());
        }
        exchange.getMessage().setBody(CanonicalJson.write(result.filtered()));
        exchange.getMessage().setHeader(UNCLASSIFIED_HEADER, result.unclassified().size());
        exchange.getExchangeExtension().addOnCompletion(new RecordOnSuccess(message, result));
    }

    private final class RecordOnSuccess extends SynchronizationAdapter {
        private final JsonNode message;
        private final GateResult result;

        RecordOnSuccess(JsonNode message, GateResult result) {
            this.message = message;
            this.result = result;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT) != null) {
                return;
            }
            Destination d = result.destination();
            disclosures.append(new DisclosureRecord(Instant.now(), message.path("messageId").asText(),
                    message.path("type").asText(), message.path("key").asText(), result.subjectRefs(), d.id(),
                    d.processor(), d.purpose(), d.legalBasis(), result.sent(), result.masked(), result.dropped(),
                    result.unclassified(), result.policyVersion()));
            metrics.delivered(d.id(), result.actions());
        }
    }
}
