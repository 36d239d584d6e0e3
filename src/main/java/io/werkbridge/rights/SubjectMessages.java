package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.PrivacyGate;

/** Whether a message on the broker is about a data subject, by the subject keys the gate finds in it. */
final class SubjectMessages {

    private SubjectMessages() {
    }

    /** A body that is no canonical envelope is not matched: an erasure never deletes what it cannot read as about the subject. */
    static boolean about(PrivacyGate gate, String body, String subjectKey) {
        JsonNode message;
        try {
            message = CanonicalJson.read(body);
        } catch (RuntimeException notJson) {
            return false;
        }
        return message.isObject() && gate.subjectKeys((ObjectNode) message).contains(subjectKey);
    }
}
