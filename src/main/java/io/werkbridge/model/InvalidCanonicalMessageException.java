package io.werkbridge.model;

import java.util.List;

/**
 * A canonical message that does not match its JSON Schema. The message lists JSON paths and the rule broken,
 * never the offending values (they may be personal data).
 */
public final class InvalidCanonicalMessageException extends RuntimeException {

    private final List<String> violations;

    public InvalidCanonicalMessageException(List<String> violations) {
        super("invalid canonical message: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
