package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.DestinationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of filtering one message for one destination.
 *
 * @param filtered     the envelope as the destination may receive it
 * @param sent         categories whose values left unchanged
 * @param masked       categories whose values left masked or hashed
 * @param dropped      categories whose values were removed
 * @param unclassified body paths no classification covers (removed)
 * @param subjectRefs  identifiers of the data subjects the message is about
 * @param actions      the action taken per category the message carried (unclassified fields under "unclassified")
 */
public record GateResult(
        ObjectNode filtered,
        DestinationPolicy destination,
        List<FieldDecision> decisions,
        Set<String> sent,
        Set<String> masked,
        Set<String> dropped,
        Set<String> unclassified,
        Set<String> subjectRefs,
        Map<String, ActionType> actions,
        String policyVersion) {
}
