package io.werkbridge.messaging;

/** A request names a parked message or queue in a form the hub does not accept; the message says which form it wants. */
public final class InvalidSelectionException extends IllegalArgumentException {

    public InvalidSelectionException(String message) {
        super(message);
    }
}
