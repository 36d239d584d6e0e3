package io.werkbridge.credentials;

/**
 * A destination (or its authorization server) refused the hub's credentials after they were renewed once. The
 * message names the destination and what refused, never a credential.
 */
public final class AuthenticationRefusedException extends RuntimeException {

    public AuthenticationRefusedException(String message) {
        super(message);
    }

    public AuthenticationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
