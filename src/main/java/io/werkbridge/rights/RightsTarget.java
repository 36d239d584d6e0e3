package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;

/** One system a data-subject request is carried to. Implementations throw {@link RightsTargetException} on failure. */
public interface RightsTarget {

    String system();

    /** @param corrections the corrected values for a rectification, else null */
    TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections);

    /**
     * Tells a recipient that the subject restricted, objected to or revoked consent for {@code purpose}, or that this
     * was lifted (Art. 19 GDPR). A target without a notice of its own carries it as the request type.
     */
    default TargetOutcome notify(RightsRequestType type, SubjectIds subject, String purpose, boolean lifted) {
        return execute(type, subject, null);
    }
}
