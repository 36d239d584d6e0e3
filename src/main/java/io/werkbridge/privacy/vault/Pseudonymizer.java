package io.werkbridge.privacy.vault;

import io.werkbridge.privacy.operator.TokenShapes;
import java.util.Optional;
import java.util.Set;

/** Reversible pseudonyms: the {@code tokenize} action's store. Only the controller re-identifies. */
public interface Pseudonymizer {

    /** The token for a value: the same value and shape always get the same token. */
    String tokenize(String value, TokenShapes.Shape shape, Set<String> subjectRefs);

    Optional<String> detokenize(String token);

    /**
     * The token a value already has, looked up without storing anything (previews, access exports); empty when the
     * value has none (or the store cannot look values up).
     */
    default Optional<String> existingToken(String value, TokenShapes.Shape shape) {
        return Optional.empty();
    }

    /** Deletes every token recorded for a data subject, so those tokens can no longer be reversed. */
    int forgetSubject(String subjectRef);
}
