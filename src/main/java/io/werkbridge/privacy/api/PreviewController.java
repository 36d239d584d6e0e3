package io.werkbridge.privacy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.privacy.gate.GateResult;
import io.werkbridge.privacy.gate.MessageHeldException;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.PrivacyGate;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows what a destination would receive of a canonical message under the policy in force, without sending or
 * recording anything. An unknown destination is answered with {@code blocked: true} and the reason (HTTP 200): the
 * gate would let nothing through, which is the answer to the question asked.
 */
@RestController
@RequestMapping("/api/v1/privacy")
public final class PreviewController {

    private final PolicyStore policies;
    private final CanonicalValidator validator;

    public PreviewController(PolicyStore policies, CanonicalValidator validator) {
        this.policies = policies;
        this.validator = validator;
    }

    /** The answer of a preview; {@code filtered} is null when blocked. */
    public record Preview(String destination, boolean blocked, String reason, JsonNode filtered,
                          List<Decision> decisions, Set<String> unclassified) {
    }

    /** One field path, its category and the action the gate takes. */
    public record Decision(String path, String category, String action) {
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Preview preview(@RequestParam String destination, @RequestBody(required = false) byte[] body) {
        JsonNode message = validator.requireValid(CanonicalJson.readExternal(body));
        PrivacyGate gate = policies.gate();
        if (gate.policy().destination(destination).isEmpty()) {
            return new Preview(destination, true, "unknown destination '" + destination
                    + "': no policy entry, so nothing would be sent", null, List.of(), Set.of());
        }
        GateResult result;
        try {
            result = gate.explain(destination, (ObjectNode) message);
        } catch (MessageHeldException held) {
            return new Preview(destination, true, held.getMessage() + ": the message would be held", null, List.of(), Set.of());
        }
        List<Decision> decisions = result.decisions().stream()
                .map(d -> new Decision(d.path(), d.category(), d.action().id()))
                .toList();
        return new Preview(destination, false, null, result.filtered(), decisions, result.unclassified());
    }
}
