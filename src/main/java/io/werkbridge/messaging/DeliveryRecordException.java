package io.werkbridge.messaging;

/** The records of a delivery (ledger row, disclosure record) could not be written: the delivery is not acknowledged. */
public final class DeliveryRecordException extends RuntimeException {

    public DeliveryRecordException(String message, Throwable cause) {
        super(cause == null || cause.getMessage() == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
