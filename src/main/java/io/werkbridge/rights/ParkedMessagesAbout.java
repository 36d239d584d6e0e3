package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.messaging.DeadLetterQueues;
import io.werkbridge.messaging.FlowProperties;
import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.messaging.ParkedMessage;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.InvalidCanonicalMessageException;
import io.werkbridge.privacy.gate.GateResult;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.PrivacyGate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The messages about a data subject that the hub still holds on the broker: held by the privacy gate (per flow and
 * destination) or dead-lettered (per flow), for access exports. Each is shown as the operators' view shows it
 * (every personal value masked whole, {@link PrivacyGate#operatorView}), never raw: the export names what is parked
 * and why, the subject's values themselves come from the systems. A message is about the subject when the
 * classification's subject paths of its type yield one of the subject's references; a body that is not a canonical
 * message of a classified type cannot be attributed and is left out.
 */
public final class ParkedMessagesAbout {

    private final HoldQueues holds;
    private final DeadLetterQueues deadLetters;
    private final FlowProperties flows;
    private final PolicyStore policies;

    public ParkedMessagesAbout(HoldQueues holds, DeadLetterQueues deadLetters, FlowProperties flows, PolicyStore policies) {
        this.holds = holds;
        this.deadLetters = deadLetters;
        this.flows = flows;
        this.policies = policies;
    }

    /** Held and dead-lettered messages about any of {@code subjectRefs}, masked, with where and why they are parked. */
    public List<ObjectNode> about(Set<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return List.of();
        }
        PrivacyGate gate = policies.gate();
        List<ObjectNode> found = new ArrayList<>();
        flows.flows().forEach((flow, definition) -> {
            for (ParkedMessage dead : deadLetters.list(flow)) {
                view(gate, dead, subjectRefs).ifPresent(message -> found.add(entry("dead-letter", flow, null, dead, message)));
            }
            for (String destination : definition.destinationNames()) {
                for (HoldQueues.Held held : holds.list(flow, destination)) {
                    if (held.messageId() == null) {
                        continue;
                    }
                    holds.find(flow, destination, held.messageId()).ifPresent(parked -> view(gate, parked, subjectRefs)
                            .ifPresent(message -> found.add(entry("held", flow, destination, parked, message))));
                }
            }
        });
        return Collections.unmodifiableList(found);
    }

    private static Optional<JsonNode> view(PrivacyGate gate, ParkedMessage parked, Set<String> subjectRefs) {
        JsonNode json;
        try {
            json = CanonicalJson.read(parked.body());
        } catch (InvalidCanonicalMessageException notJson) {
            return Optional.empty();
        }
        if (!(json instanceof ObjectNode envelope) || !json.path("body").isObject()
                || !gate.policy().classification().containsKey(json.path("type").asText())) {
            return Optional.empty();
        }
        GateResult view = gate.operatorView(envelope);
        return view.subjectRefs().stream().anyMatch(subjectRefs::contains) ? Optional.of(view.filtered()) : Optional.empty();
    }

    private static ObjectNode entry(String kind, String flow, String destination, ParkedMessage parked, JsonNode message) {
        ObjectNode entry = CanonicalJson.mapper().createObjectNode();
        entry.put("kind", kind);
        entry.put("flow", flow);
        entry.put("destination", destination);
        entry.put("messageId", parked.messageId());
        entry.put("reason", parked.reason());
        entry.put("parkedAt", parked.failedAt());
        entry.set("message", message);
        return entry;
    }
}
