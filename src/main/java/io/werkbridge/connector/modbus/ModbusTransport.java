package io.werkbridge.connector.modbus;

import java.time.Duration;

/** Carries one request PDU to a unit and its response PDU back. One request at a time per transport. */
public interface ModbusTransport extends AutoCloseable {

    /**
     * Sends {@code request}'s PDU and waits up to {@code timeout} for the unit's response PDU.
     *
     * @return the response PDU as received (exception responses included); {@link ModbusPdu#data} reads it
     * @throws ModbusException TIMEOUT, LINK or PROTOCOL (a frame that cannot be the answer)
     */
    byte[] transact(ReadRequest request, Duration timeout) throws ModbusException;

    /** Releases the connection; never throws. */
    @Override
    void close();
}
