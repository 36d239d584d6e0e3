package io.werkbridge.privacy.gate;

/**
 * The gate holds a message instead of letting personal data leave: the contract is not in force, a third-country
 * transfer has no mechanism, or a data subject is restricted or objecting. The message goes to the destination's
 * hold queue with this reason and can be released once the cause is fixed. The reason never names a value.
 */
public final class MessageHeldException extends RuntimeException {

    private final String destination;

    public MessageHeldException(String destination, String reason) {
        super(reason);
        this.destination = destination;
    }

    public String destination() {
        return destination;
    }
}
