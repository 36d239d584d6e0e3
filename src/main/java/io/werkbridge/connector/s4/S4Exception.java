package io.werkbridge.connector.s4;

/** A failed call to S/4 or an answer the hub cannot read; the message names the call and the rule, never a value. */
public final class S4Exception extends RuntimeException {

    public S4Exception(String message) {
        super(message);
    }

    public S4Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
