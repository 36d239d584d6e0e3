package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.werkbridge.connector.serial.SerialStatistics;
import java.time.Instant;

/**
 * What the status API tells about one machine: identity (no customer, no operator), connection, counters.
 *
 * @param id            the machine's id
 * @param machineNumber its machine number
 * @param machineType   its type
 * @param protocol      serial, opcua, mtconnect or modbus
 * @param connection    connected, disconnected or disabled
 * @param lastEventAt   when its last event was published, or null
 * @param lastContactAt when the machine last answered (OPC UA heartbeat, MTConnect poll), or null
 * @param events        events published since the hub started
 * @param errors        error counters since the hub started
 * @param lastError     the last connection error (what failed, never data), or null
 * @param lastErrorAt   when it happened, or null
 * @param serial        the serial link's counters (serial machines and Modbus RTU machines only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineStatus(String id, String machineNumber, String machineType, String protocol, String connection,
                            Instant lastEventAt, Instant lastContactAt, long events, Errors errors, String lastError,
                            Instant lastErrorAt, SerialStatistics serial) {

    /**
     * @param rejected    input parked on the dead-letter queue or left out because it could not be converted
     * @param unmapped    values the machine sent that no mapping rule takes
     * @param connection  failed requests to the machine (MTConnect polls)
     * @param resyncs     restarts from the current state (MTConnect: new agent instance, sequence gap)
     */
    public record Errors(long rejected, long unmapped, long connection, long resyncs) {
    }
}
