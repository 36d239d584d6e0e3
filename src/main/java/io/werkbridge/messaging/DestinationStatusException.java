package io.werkbridge.messaging;

/**
 * The HTTP status a destination answered, for a connector that calls it with its own client (not Camel's HTTP
 * component): given as the cause of the connector's exception, it lets {@link DeliveryFailures} tell an unavailable
 * destination (5xx, 408, 429) from a refusal. Carries the status only, never what the destination said.
 */
public final class DestinationStatusException extends RuntimeException {

    private final int status;

    public DestinationStatusException(int status) {
        super("HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
