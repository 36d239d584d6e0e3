package io.werkbridge.privacy.policy;

import java.util.List;

/** A policy that cannot be used; each problem names the file and what in it is wrong. */
public final class PolicyException extends RuntimeException {

    private final List<String> problems;

    public PolicyException(List<String> problems) {
        super("privacy policy rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
