package io.werkbridge.model;

/**
 * Data from a source system (a serial telegram, an OPC UA value, an MTConnect document) that cannot become a
 * canonical message. The message names the position, key or rule at fault, never the value (it may be personal).
 * Not worth retrying: the same input fails the same way, so it is parked on the flow's dead-letter queue at once.
 */
public final class InvalidSourceDataException extends RuntimeException {

    public InvalidSourceDataException(String message) {
        super(message);
    }
}
