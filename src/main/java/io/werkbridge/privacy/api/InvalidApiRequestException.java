package io.werkbridge.privacy.api;

/** A request to the privacy API that cannot be served as asked; the message names the parameter, never its value. */
public final class InvalidApiRequestException extends RuntimeException {

    public InvalidApiRequestException(String message) {
        super(message);
    }
}
