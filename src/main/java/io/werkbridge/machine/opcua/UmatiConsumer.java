package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import io.werkbridge.machine.MachineDefinition;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.SourceValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a umati machine tool with the machine file's security ({@link OpcUaSecurity}), finds its MachineTool
 * object ({@link UmatiBrowser}), and subscribes (Milo client SDK) to the variables the profile takes (data items,
 * the connection's sampling interval) and to the events of its Notification/Messages (else of the Server object).
 * A machine without the profile but with {@code alarms: true} is subscribed to the Server object's condition events
 * only. Each publish's data changes and each event go to the route as one {@link UmatiNotification}. A connection or browse
 * that fails is reported to the status API and retried with back-off (5 s, doubling up to 60 s); Milo re-establishes
 * a dropped session itself, and a subscription the server lost is created again.
 */
final class UmatiConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UmatiConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);

    private final MachineDefinition machine;
    private final Connection.OpcUa connection;
    private final OpcUaSecurity security;
    private final OpcUaValues values;
    private final MachineStatusBoard status;
    private volatile ScheduledExecutorService executor;
    // set and cleared on the executor's thread, cleared again when the consumer stops
    private volatile OpcUaClient client;
    private volatile Duration retry = FIRST_RETRY;

    UmatiConsumer(Endpoint endpoint, Processor processor, MachineDefinition machine, OpcUaSecurity security,
                  OpcUaValues values, MachineStatusBoard status) {
        super(endpoint, processor);
        this.machine = machine;
        this.connection = (Connection.OpcUa) machine.connection();
        this.security = security;
        this.values = values;
        this.status = status;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "opcua-umati-" + machine.id());
        executor.execute(this::connect);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
        disconnect();
        super.doStop();
    }

    /** Connects, browses and subscribes; on failure reports and schedules the next attempt. */
    private void connect() {
        try {
            client = security.connect(connection);
            if (machine.umati()) {
                UmatiBrowser.MachineTool tool = choose(UmatiBrowser.machineTools(client));
                subscribe(tool);
                LOG.info("machine {}: umati machine tool found ({} variables), subscribed", machine.id(), tool.nodes().size());
            } else {
                subscribe(new UmatiBrowser.MachineTool(null, machine.id(), List.of(), NodeIds.Server, null));
                LOG.info("machine {}: subscribed to the server's Alarms & Conditions events", machine.id());
            }
            retry = FIRST_RETRY;
            if (executor.isShutdown()) {
                // the consumer stopped while connecting: nothing may stay connected
                disconnect();
            }
        } catch (UaException | RuntimeException e) {
            // Milo's and the hub's messages name status codes, nodes and settings, never values
            String reason = "umati: " + e.getMessage();
            status.connectionFailed(machine.id(), reason);
            LOG.warn("machine {}: {}; next attempt in {} s", machine.id(), reason, retry.toSeconds());
            disconnect();
            if (!executor.isShutdown()) {
                executor.schedule(this::connect, retry.toMillis(), TimeUnit.MILLISECONDS);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** The machine tool of this file: the only one, or the one whose serial number is the file's machine number. */
    private UmatiBrowser.MachineTool choose(List<UmatiBrowser.MachineTool> tools) throws UaException {
        if (tools.size() == 1) {
            return tools.get(0);
        }
        if (tools.isEmpty()) {
            throw new IllegalStateException("the server has no MachineTool object (OPC 40501-1) under Objects/Machines");
        }
        for (UmatiBrowser.MachineTool tool : tools) {
            if (tool.serialNumber() != null) {
                DataValue serial = client.readValue(0, TimestampsToReturn.Neither, tool.serialNumber());
                if (serial.getValue() != null && machine.machineNumber().equals(String.valueOf(serial.getValue().getValue()))) {
                    return tool;
                }
            }
        }
        throw new IllegalStateException("the server has " + tools.size() + " MachineTool objects and none whose"
                + " Identification/SerialNumber is the machine file's machineNumber");
    }

    private void subscribe(UmatiBrowser.MachineTool tool) throws UaException {
        double interval = connection.samplingInterval().toMillis();
        OpcUaSubscription subscription = new OpcUaSubscription(client, interval);
        Map<OpcUaMonitoredItem, UmatiBrowser.Node> nodes = new IdentityHashMap<>();
        for (UmatiBrowser.Node node : tool.nodes()) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.id());
            item.setSamplingInterval(interval);
            nodes.put(item, node);
        }
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> data) {
                List<UmatiNotification.Change> changes = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    UmatiBrowser.Node node = nodes.get(items.get(i));
                    SourceValue value = node == null ? null : values.toSourceValue(node.path(), data.get(i));
                    if (value != null) {
                        changes.add(new UmatiNotification.Change(node, value));
                    }
                }
                if (!changes.isEmpty()) {
                    deliver(new UmatiNotification.DataChanges(changes));
                }
            }

            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode statusCode) {
                // the server lost the subscription (restarted): create it again on the re-established session
                LOG.warn("machine {}: the umati subscription was lost ({}); subscribing again", machine.id(), statusCode);
                if (!executor.isShutdown()) {
                    executor.execute(() -> {
                        disconnect();
                        connect();
                    });
                }
            }
        });
        subscription.create();
        subscription.addMonitoredItems(new ArrayList<>(nodes.keySet()));
        // a umati machine's Messages notifies messages and alarms; the Server object every kind of event, of which
        // only conditions are alarms
        subscription.addMonitoredItem(OpcUaAlarms.eventItem(tool.notifier(), client.getNamespaceTable(), alarm -> {
            if (machine.umati() || alarm.isCondition()) {
                deliver(new UmatiNotification.Event(alarm));
            }
        }));
        subscription.synchronizeMonitoredItems();
    }

    private void deliver(UmatiNotification notification) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(notification);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            Exception failure = exchange.getException();
            if (failure != null) {
                // the route's error handling parks what it can; what is left is counted and named by its class only
                // (a notification carries messages and user ids: never in the log)
                status.rejected(machine.id());
                LOG.error("machine {}: a umati notification could not be delivered ({})", machine.id(),
                        failure.getClass().getSimpleName());
            }
            releaseExchange(exchange, false);
        }
    }

    private void disconnect() {
        OpcUaClient connected = client;
        client = null;
        if (connected != null) {
            try {
                connected.disconnect();
            } catch (UaException | RuntimeException e) {
                LOG.debug("machine {}: disconnect failed ({})", machine.id(), e.getClass().getSimpleName());
            }
        }
    }
}
