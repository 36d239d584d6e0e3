package io.werkbridge.privacy.gate;

import java.util.Set;

/**
 * What the value operators may know about the record a value came from: the names it carries (for scrub) and the
 * data subjects the value belongs to (for the vault, so erasure forgets exactly that subject's tokens): the
 * owner's key for the record's own values, a person's {@link SubjectKeys key} inside the object holding its data.
 */
record RecordContext(Set<String> names, Set<String> subjects) {

    RecordContext of(Set<String> valueSubjects) {
        return new RecordContext(names, valueSubjects);
    }
}
