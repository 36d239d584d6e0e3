package io.werkbridge.privacy.gate;

import java.util.Optional;
import java.util.Set;

/**
 * Restrictions of processing, objections and revoked consents per data subject (fed by the data-subject rights
 * requests). The gate asks before any delivery and holds the message while one applies.
 */
public interface SubjectRestrictions {

    /** @return why processing for {@code purpose} is stopped for one of the subjects (no values), or empty */
    Optional<String> restrictionFor(Set<String> subjectRefs, String purpose);

    SubjectRestrictions NONE = (subjects, purpose) -> Optional.empty();
}
