package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.net.URI;
import java.time.Duration;

/** How the hub reaches a machine; one record per protocol, named in machine files as {@link Protocol#id()}. */
@JsonSubTypes({
        @JsonSubTypes.Type(value = Connection.Serial.class, name = "serial"),
        @JsonSubTypes.Type(value = Connection.OpcUa.class, name = "opcua"),
        @JsonSubTypes.Type(value = Connection.MtConnect.class, name = "mtconnect")})
public sealed interface Connection {

    Protocol protocol();

    /** Where the data comes from, for the canonical {@code origin.endpoint}: never credentials. */
    String endpoint();

    /**
     * A serial link carrying one telegram per frame.
     *
     * @param port           device path, e.g. /dev/ttyUSB0 or a stable symlink
     * @param framing        line, stx-etx, 3964r or modbus-rtu (see the serial component)
     * @param options        further {@code serial:} URI options (baudRate, parity, ...), already checked; in the
     *                       machine file they stand next to port and framing
     * @param telegram       the telegram format inside a frame
     */
    record Serial(String port, String framing, @JsonAnySetter java.util.Map<String, String> options, String telegram)
            implements Connection {
        public Serial {
            options = java.util.Map.copyOf(options);
        }

        @Override
        public Protocol protocol() {
            return Protocol.SERIAL;
        }

        @Override
        public String endpoint() {
            return port;
        }
    }

    /**
     * An OPC UA server the hub subscribes to.
     *
     * @param endpoint          opc.tcp URL
     * @param samplingInterval  sampling interval of the monitored items
     * @param heartbeatInterval sampling interval of the server's CurrentTime, the connection heartbeat
     */
    record OpcUa(String endpoint, @JsonFormat(pattern = "MILLIS") Duration samplingInterval,
                 @JsonFormat(pattern = "MILLIS") Duration heartbeatInterval) implements Connection {
        @Override
        public Protocol protocol() {
            return Protocol.OPCUA;
        }
    }

    /**
     * An MTConnect agent the hub polls.
     *
     * @param agent        the agent's base URL (requests go to {@code <agent>/current} and {@code <agent>/sample})
     * @param device       the device name to ask for, or null for all devices of the agent
     * @param pollInterval time between polls
     * @param count        observations per {@code /sample} request, at most
     * @param timeout      connect and response timeout of one request
     */
    record MtConnect(URI agent, String device, @JsonFormat(pattern = "MILLIS") Duration pollInterval, int count,
                     @JsonFormat(pattern = "MILLIS") Duration timeout) implements Connection {
        @Override
        public Protocol protocol() {
            return Protocol.MTCONNECT;
        }

        @Override
        public String endpoint() {
            return agent.toString();
        }
    }
}
