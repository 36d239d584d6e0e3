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
}
