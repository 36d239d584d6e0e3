package io.werkbridge.messaging;

/** A flow name that is not configured under {@code werkbridge.flows}. The message names the configured ones' key. */
public final class UnknownFlowException extends RuntimeException {

    public UnknownFlowException(String flow) {
        super("no flow '" + (flow != null && flow.matches("[a-z0-9-]{1,64}") ? flow : "?")
                + "' is configured (werkbridge.flows)");
    }
}
