package io.werkbridge.connector.serial;

import io.werkbridge.connector.serial.codec.CodeParity;
import io.werkbridge.connector.serial.codec.NamedOption;
import io.werkbridge.connector.serial.codec.NcTapeSettings;
import io.werkbridge.connector.serial.codec.StartCondition;
import io.werkbridge.connector.serial.codec.Priority3964R;
import io.werkbridge.connector.serial.codec.Settings3964R;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.camel.Category;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A serial port with a framing. Consumer and producer of the same URI share one open port (a
 * port can be opened once): the port is opened when the first of them starts and closed when the
 * last stops.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "serial", title = "Serial port", syntax = "serial:port",
        category = {Category.IOT})
public final class SerialEndpoint extends DefaultEndpoint {

    @UriPath(description = "Device path, e.g. /dev/ttyUSB0 or a stable symlink; links are followed on every open")
    @Metadata(required = true)
    private final String port;
    @UriParam(defaultValue = "9600")
    private int baudRate = 9600;
    @UriParam(defaultValue = "8", description = "5 to 8")
    private int dataBits = 8;
    @UriParam(defaultValue = "none", enums = "none,even,odd")
    private String parity = "none";
    @UriParam(defaultValue = "1", enums = "1,2")
    private int stopBits = 1;
    @UriParam(defaultValue = "none", enums = "none,xonxoff,rtscts")
    private String flowControl = "none";
    @UriParam(defaultValue = "line", enums = "line,stx-etx,3964r,modbus-rtu,nc-program")
    private String framing = "line";
    @UriParam(defaultValue = "4096", description = "Payload bytes per frame, at most; longer frames are dropped and counted")
    private int maxFrameLength = 4096;
    @UriParam(defaultValue = "500", description = "First wait (ms) before reopening a lost port; doubles per failure")
    private long reconnectDelay = 500;
    @UriParam(defaultValue = "30000", description = "Cap (ms) of the reopening wait")
    private long maxReconnectDelay = 30_000;
    @UriParam(defaultValue = "2000", label = "producer", description = "Time (ms) one frame's write may take")
    private long writeTimeout = 2000;
    @UriParam(defaultValue = "low", enums = "high,low", label = "3964r",
            description = "Who wins when both sides send STX at once; exactly one partner must be high")
    private String priority = "low";
    @UriParam(defaultValue = "2000", label = "3964r", description = "Acknowledgement timeout QVZ (ms)")
    private long ackTimeout = Settings3964R.DEFAULT_ACK_TIMEOUT.toMillis();
    @UriParam(defaultValue = "220", label = "3964r", description = "Character timeout ZVZ (ms)")
    private long charTimeout = Settings3964R.DEFAULT_CHAR_TIMEOUT.toMillis();
    @UriParam(defaultValue = "6", label = "3964r", description = "STX attempts per transmission")
    private int connectAttempts = Settings3964R.DEFAULT_ATTEMPTS;
    @UriParam(defaultValue = "6", label = "3964r", description = "Block transmissions before a send fails")
    private int transmitAttempts = Settings3964R.DEFAULT_ATTEMPTS;
    @UriParam(defaultValue = "256", label = "nc-program", description = "Characters of one program line, at most")
    private int maxLineLength = NcTapeSettings.DEFAULT_MAX_LINE_LENGTH;
    @UriParam(defaultValue = "none", enums = "none,even", label = "nc-program",
            description = "even: ISO code with its even parity bit as the 8th data bit, checked and set by the hub (8N1)")
    private String codeParity = "none";
    @UriParam(defaultValue = "0", label = "nc-program", description = "NUL characters of leader and trailer sent")
    private int leader;
    @UriParam(defaultValue = "0", label = "nc-program", description = "Pause (ms) after each character sent")
    private long charDelay;
    @UriParam(defaultValue = "xon", enums = "xon,immediate", label = "nc-program",
            description = "Whether a send waits for the control's XON (DC1) or starts at once")
    private String start = "xon";
    @UriParam(defaultValue = "60000", label = "nc-program", description = "How long (ms) a send waits for the XON")
    private long startTimeout = 60_000;
    @UriParam(defaultValue = "10000", label = "nc-program",
            description = "Silence (ms) inside a program after which it is reported truncated")
    private long endTimeout = 10_000;

    private final SerialLinkFactory linkFactory;
    private final SerialCounters counters = new SerialCounters();
    private volatile SerialConnection connection;
    private ExecutorService readerExecutor;
    private int users;
    private boolean consumerAttached;

    SerialEndpoint(String uri, SerialComponent component, String port, SerialLinkFactory linkFactory) {
        super(uri, component);
        this.port = port;
        this.linkFactory = linkFactory;
    }

    @Override
    public Producer createProducer() {
        return new SerialProducer(this);
    }

    @Override
    public SerialConsumer createConsumer(Processor processor) throws Exception {
        SerialConsumer consumer = new SerialConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Counters since this endpoint was created, and whether the port is open now. */
    public SerialStatistics getStatistics() {
        SerialConnection current = connection;
        return counters.snapshot(current != null && current.isConnected());
    }

    /** Whether the partner holds this port's sends with XOFF now. */
    boolean pausedByPartner() {
        SerialConnection current = connection;
        return current != null && current.pausedByPartner();
    }

    /**
     * Checks the options and returns them in immutable form.
     *
     * @throws IllegalArgumentException naming the option that is wrong and what is allowed
     */
    SerialEndpointConfig resolveConfig() {
        SerialSettings settings = new SerialSettings(port, baudRate, dataBits,
                NamedOption.parse(Parity.class, "parity", parity), stopBits,
                NamedOption.parse(FlowControl.class, "flowControl", flowControl));
        Settings3964R siemens = new Settings3964R(NamedOption.parse(Priority3964R.class, "priority", priority),
                maxFrameLength, Duration.ofMillis(ackTimeout), Duration.ofMillis(charTimeout), connectAttempts,
                transmitAttempts);
        return new SerialEndpointConfig(settings, NamedOption.parse(Framing.class, "framing", framing),
                maxFrameLength, siemens, Duration.ofMillis(reconnectDelay), Duration.ofMillis(maxReconnectDelay),
                Duration.ofMillis(writeTimeout), new NcTapeSettings(maxFrameLength, maxLineLength,
                NamedOption.parse(CodeParity.class, "codeParity", codeParity), leader, Duration.ofMillis(charDelay),
                NamedOption.parse(StartCondition.class, "start", start), Duration.ofMillis(startTimeout),
                Duration.ofMillis(endTimeout)));
    }

    /** Opens the port if this is its first user; returns the shared connection. */
    synchronized SerialConnection acquireConnection() {
        if (users == 0) {
            SerialEndpointConfig config = resolveConfig();
            connection = new SerialConnection(config.settings(), linkFactory,
                    new ReconnectBackoff(config.reconnectDelay(), config.maxReconnectDelay()), config.writeTimeout(),
                    counters, System::nanoTime, Protocols.factory(config, System::nanoTime));
            readerExecutor = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "SerialReader[" + port + "]");
            connection.start(readerExecutor);
        }
        users++;
        return connection;
    }

    /** Closes the port when its last user goes. */
    synchronized void releaseConnection() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            connection.stop();
            getCamelContext().getExecutorServiceManager().shutdownNow(readerExecutor);
            connection = null;
            readerExecutor = null;
        }
    }

    /**
     * Routes the port's frames to {@code handler}.
     *
     * @throws IllegalStateException if another consumer already reads this port
     */
    synchronized void attachConsumer(Consumer<byte[]> handler) {
        if (consumerAttached) {
            throw new IllegalStateException("serial port " + port
                    + " already has a consumer; a port can be read by one route only");
        }
        acquireConnection().setFrameHandler(handler);
        consumerAttached = true;
    }

    /** Routes the frames the framing refuses whole (NC programs) to {@code handler}. */
    synchronized void attachRejectionHandler(Consumer<io.werkbridge.connector.serial.codec.FrameRejection> handler) {
        connection.setRejectionHandler(handler);
    }

    synchronized void detachConsumer() {
        if (consumerAttached) {
            consumerAttached = false;
            connection.setFrameHandler(null);
            connection.setRejectionHandler(null);
            releaseConnection();
        }
    }

    public String getPort() {
        return port;
    }

    public int getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public String getParity() {
        return parity;
    }

    public void setParity(String parity) {
        this.parity = parity;
    }

    public int getStopBits() {
        return stopBits;
    }

    public void setStopBits(int stopBits) {
        this.stopBits = stopBits;
    }

    public String getFlowControl() {
        return flowControl;
    }

    public void setFlowControl(String flowControl) {
        this.flowControl = flowControl;
    }

    public String getFraming() {
        return framing;
    }

    public void setFraming(String framing) {
        this.framing = framing;
    }

    public int getMaxFrameLength() {
        return maxFrameLength;
    }

    public void setMaxFrameLength(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public long getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public long getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(long ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public long getCharTimeout() {
        return charTimeout;
    }

    public void setCharTimeout(long charTimeout) {
        this.charTimeout = charTimeout;
    }

    public int getConnectAttempts() {
        return connectAttempts;
    }

    public void setConnectAttempts(int connectAttempts) {
        this.connectAttempts = connectAttempts;
    }

    public int getTransmitAttempts() {
        return transmitAttempts;
    }

    public void setTransmitAttempts(int transmitAttempts) {
        this.transmitAttempts = transmitAttempts;
    }

    public int getMaxLineLength() {
        return maxLineLength;
    }

    public void setMaxLineLength(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public String getCodeParity() {
        return codeParity;
    }

    public void setCodeParity(String codeParity) {
        this.codeParity = codeParity;
    }

    public int getLeader() {
        return leader;
    }

    public void setLeader(int leader) {
        this.leader = leader;
    }

    public long getCharDelay() {
        return charDelay;
    }

    public void setCharDelay(long charDelay) {
        this.charDelay = charDelay;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public long getStartTimeout() {
        return startTimeout;
    }

    public void setStartTimeout(long startTimeout) {
        this.startTimeout = startTimeout;
    }

    public long getEndTimeout() {
        return endTimeout;
    }

    public void setEndTimeout(long endTimeout) {
        this.endTimeout = endTimeout;
    }
}
