package io.werkbridge.rights;

/** A system did not handle a request; the message names the system and the failure, never a personal value. */
public final class RightsTargetException extends RuntimeException {

    public RightsTargetException(String message) {
        super(message);
    }

    public RightsTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
