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


    /** Forgets one data subject (a gate subject key), so its tokens can no longer be reversed; returns entries deleted. */
    int forgetSubject(String subjectKey);

    /** Forgets a customer and every person of it (contract ended); returns entries deleted. */
    default int forgetCustomer(String customerNumber) {
        return forgetSubject(customerNumber);
    }
}
