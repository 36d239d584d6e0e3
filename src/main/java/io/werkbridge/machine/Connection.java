package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.werkbridge.connector.modbus.ModbusDataType;
import io.werkbridge.connector.modbus.ModbusFunction;
import io.werkbridge.connector.modbus.ReadRequest;
import io.werkbridge.connector.modbus.WordOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** How the hub reaches a machine; one record per protocol, named in machine files as {@link Protocol#id()}. */
@JsonSubTypes({
        @JsonSubTypes.Type(value = Connection.Serial.class, name = "serial"),
        @JsonSubTypes.Type(value = Connection.OpcUa.class, name = "opcua"),
        @JsonSubTypes.Type(value = Connection.MtConnect.class, name = "mtconnect"),
        @JsonSubTypes.Type(value = Connection.Modbus.class, name = "modbus")})
public sealed interface Connection {

    Protocol protocol();

    /** Where the data comes from, for the canonical {@code origin.endpoint}: never credentials. */
    String endpoint();

    /**
     * A serial link carrying one telegram per frame (a Modbus device is no such sender: see {@link Modbus}).
     *
     * @param port           device path, e.g. /dev/ttyUSB0 or a stable symlink
     * @param framing        line, stx-etx or 3964r (see the serial component)
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
     * @param securityPolicy    Basic256Sha256 (default), Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss, or None when
     *                          the machine file says so
     * @param securityMode      SignAndEncrypt (default) or Sign; None exactly with policy None
     * @param identity          the user identity of the session (anonymous when absent)
     * @param alarms            whether the hub subscribes to the Server object's Alarms & Conditions events
     */
    record OpcUa(String endpoint, @JsonFormat(pattern = "MILLIS") Duration samplingInterval,
                 @JsonFormat(pattern = "MILLIS") Duration heartbeatInterval, String securityPolicy,
                 String securityMode, OpcUaIdentity identity, boolean alarms) implements Connection {

        public static final String NONE = "None";

        public OpcUa {
            securityPolicy = securityPolicy == null ? "Basic256Sha256" : securityPolicy;
            securityMode = securityMode == null ? (NONE.equals(securityPolicy) ? NONE : "SignAndEncrypt") : securityMode;
            identity = identity == null ? OpcUaIdentity.ANONYMOUS : identity;
            if (NONE.equals(securityPolicy) != NONE.equals(securityMode)) {
                throw new IllegalArgumentException("connection.securityMode: None goes only with securityPolicy None,"
                        + " and securityPolicy None only with securityMode None");
            }
        }

        /** An anonymous session on the default security (Basic256Sha256, SignAndEncrypt). */
        public OpcUa(String endpoint, Duration samplingInterval, Duration heartbeatInterval) {
            this(endpoint, samplingInterval, heartbeatInterval, null, null, null);
        }

        /** Without the Alarms & Conditions subscription. */
        public OpcUa(String endpoint, Duration samplingInterval, Duration heartbeatInterval, String securityPolicy,
                     String securityMode, OpcUaIdentity identity) {
            this(endpoint, samplingInterval, heartbeatInterval, securityPolicy, securityMode, identity, false);
        }

        /** Whether the machine file explicitly allows an unsecured connection. */
        public boolean unsecured() {
            return NONE.equals(securityPolicy);
        }

        @Override
        public Protocol protocol() {
            return Protocol.OPCUA;
        }
    }

    /**
     * The user identity of an OPC UA session. Secrets never stand in the machine file: the password (user name) and
     * the key store password (X.509) come from an environment variable or a file.
     *
     * @param type                anonymous, username or x509
     * @param username            the user name (type username)
     * @param passwordEnv         environment variable holding the password
     * @param passwordFile        file holding the password (trailing line break ignored)
     * @param keyStore            PKCS#12 file with the user certificate and its private key (type x509)
     * @param keyStorePasswordEnv environment variable holding the key store password
     * @param keyStorePasswordFile file holding the key store password
     */
    record OpcUaIdentity(String type, String username, String passwordEnv, String passwordFile, String keyStore,
                         String keyStorePasswordEnv, String keyStorePasswordFile) {

        public static final OpcUaIdentity ANONYMOUS = new OpcUaIdentity("anonymous", null, null, null, null, null, null);

        public OpcUaIdentity {
            type = type == null ? "anonymous" : type;
            switch (type) {
                case "anonymous" -> { }
                case "username" -> {
                    if (username == null || username.isBlank()) {
                        throw new IllegalArgumentException("connection.identity.username: missing for type username");
                    }
                    if ((passwordEnv == null) == (passwordFile == null)) {
                        throw new IllegalArgumentException("connection.identity: type username needs exactly one of"
                                + " passwordEnv or passwordFile");
                    }
                }
                case "x509" -> {
                    if (keyStore == null || (keyStorePasswordEnv == null) == (keyStorePasswordFile == null)) {
                        throw new IllegalArgumentException("connection.identity: type x509 needs keyStore and exactly"
                                + " one of keyStorePasswordEnv or keyStorePasswordFile");
                    }
                }
                default -> throw new IllegalArgumentException(
                        "connection.identity.type: must be anonymous, username or x509");
            }
        }

        @Override
        public String toString() {
            // the user name may name a person: never in logs
            return "OpcUaIdentity[" + type + "]";
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

    /**
     * A Modbus slave the hub polls as master: over a serial line (RTU: {@code port} and its line settings) or over
     * TCP ({@code host}, {@code tcpPort}); exactly one of port and host is set.
     *
     * @param port              serial device path (RTU)
     * @param host              host name or address of the Modbus TCP server
     * @param tcpPort           its TCP port (502)
     * @param unitId            unit (slave) id of registers that name none
     * @param pollInterval      time between polls
     * @param timeout           how long one request waits for its answer
     * @param baudRate          RTU line: bits per second
     * @param parity            RTU line: none, even (the Modbus default) or odd
     * @param stopBits          RTU line: stop bits
     * @param reconnectDelay    RTU line: first wait (ms) before reopening a lost port
     * @param maxReconnectDelay RTU line: longest wait (ms) between reopening attempts
     * @param registers         the register map: what each poll reads
     */
    record Modbus(String port, String host, int tcpPort, int unitId,
                  @JsonFormat(pattern = "MILLIS") Duration pollInterval, @JsonFormat(pattern = "MILLIS") Duration timeout,
                  int baudRate, String parity, int stopBits, long reconnectDelay, long maxReconnectDelay,
                  List<ModbusRegister> registers) implements Connection {

        /** Payload of an RTU frame at most: 256 bytes less the CRC (unit id and PDU). */
        private static final int RTU_MAX_PAYLOAD = 254;

        public Modbus {
            if ((port == null) == (host == null)) {
                throw new IllegalArgumentException("connection: needs exactly one of port (Modbus RTU) or host (Modbus TCP)");
            }
            registers = List.copyOf(registers);
        }

        /** Whether the slave is on a serial line (RTU) rather than TCP. */
        public boolean rtu() {
            return port != null;
        }

        /**
         * The {@code serial:} URI of an RTU line: CRC and t3.5 framing, frames bounded to the RTU maximum, 8 data bits
         * (RTU is binary; 7 data bits are Modbus ASCII's).
         */
        public String rtuUri() {
            return "serial:" + port + "?framing=modbus-rtu&maxFrameLength=" + RTU_MAX_PAYLOAD + "&baudRate=" + baudRate
                    + "&dataBits=8&parity=" + parity + "&stopBits=" + stopBits
                    + "&reconnectDelay=" + reconnectDelay + "&maxReconnectDelay=" + maxReconnectDelay;
        }

        @Override
        public Protocol protocol() {
            return Protocol.MODBUS;
        }

        @Override
        public String endpoint() {
            return rtu() ? port : "tcp://" + host + ":" + tcpPort;
        }
    }

    /**
     * One value of a Modbus register map, named for the mapping.
     *
     * @param name      the mapping's {@code source}
     * @param unitId    unit id, or null for the connection's
     * @param function  1 coils, 2 discrete inputs, 3 holding registers, 4 input registers
     * @param address   first item, 0-based protocol address
     * @param count     registers of a string (other types know their size)
     * @param type      data type; bool for functions 1 and 2, uint16 when absent for 3 and 4
     * @param byteOrder bytes in a register (big: high byte first, the standard)
     * @param wordOrder registers of a 32-bit value (big: high word first, the standard)
     * @param scale     factor a number is multiplied by, or null
     */
    record ModbusRegister(String name, Integer unitId, int function, int address, Integer count,
                          ModbusDataType type,
                          WordOrder byteOrder,
                          WordOrder wordOrder, BigDecimal scale) {

        public ModbusRegister {
            ModbusFunction f = functionOf(function);
            type = type != null ? type : f.readsBits() ? ModbusDataType.BOOL
                    : ModbusDataType.UINT16;
            byteOrder = byteOrder == null ? WordOrder.BIG : byteOrder;
            wordOrder = wordOrder == null ? WordOrder.BIG : wordOrder;
        }

        /** The read of this value, for {@code defaultUnit} when it names no unit. */
        public ReadRequest request(int defaultUnit) {
            int items = type == ModbusDataType.STRING ? count : type.registers();
            return new ReadRequest(unitId == null ? defaultUnit : unitId,
                    functionOf(function), address, items);
        }

        private static ModbusFunction functionOf(int code) {
            return ModbusFunction.ofCode(code).orElseThrow(() ->
                    new IllegalArgumentException("function must be 1, 2, 3 or 4"));
        }
    }
}
