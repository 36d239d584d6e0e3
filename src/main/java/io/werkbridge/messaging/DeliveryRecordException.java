package io.werkbridge.messaging;

/** The records of a delivery (ledger row, disclosure record) could not be written: the delivery is not acknowledged. */
public final class DeliveryRecordException extends RuntimeException {

    /**
     * Names the cause by its class only: database messages quote row values (H2's value-too-long, PostgreSQL's
     * "Failing row contains"), and this message reaches logs and the dead-letter reason header.
     */
    public DeliveryRecordException(String message, Throwable cause) {
        super(cause == null ? message : message + " (" + cause.getClass().getSimpleName() + ")", cause);
    }
}
