package io.werkbridge.privacy.gate;

import java.util.Set;

/**
 * What the value operators may know about the record a value came from: the names it carries (for scrub) and the
 * data subjects it is about (for the vault, so erasure can forget their tokens).
 */
record RecordContext(Set<String> names, Set<String> subjects) {
}
