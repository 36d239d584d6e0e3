package io.werkbridge.messaging;

/** The message headers the hub itself sets and reads, on every flow. */
public final class HubHeaders {

    /** The canonical message id: the broker's duplicate id, the ledger's key and the destinations' Idempotency-Key. */
    public static final String MESSAGE_ID = "WerkbridgeMessageId";
    /** The JMS message group: the customer or machine a message is about (as a keyed hash on the broker). */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Prefix of every header of the hub's own; only these (and the group) go along to the broker. */
    public static final String PREFIX = "Werkbridge";

    private HubHeaders() {
    }
}
