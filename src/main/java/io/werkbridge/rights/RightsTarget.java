package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;

/** One system a data-subject request is carried to. Implementations throw {@link RightsTargetException} on failure. */
public interface RightsTarget {

    String system();

    /** @param corrections the corrected values for a rectification, else null */
    TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections);
}
