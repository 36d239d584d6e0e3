package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * OPC UA events as the hub sees them: Alarms & Conditions (OPC 10000-9) and the umati machine tool's messages
 * (OPC 40501-1 NotificationEventType, AlertType), subscribed with the Milo client SDK (camel-milo's consumer monitors
 * values only), with the machine's security and identity ({@link OpcUaSecurity}). Every event selected becomes an
 * {@link Alarm}: a raised alarm, a message, and again each change of a condition's state, its acknowledgement
 * included (a condition reports every state change as an event of its type).
 */
public final class OpcUaAlarms implements AutoCloseable {

    /** OPC 40501-1's namespace: the Identifier of its NotificationEventType and the ErrorCode of its AlertType. */
    static final String MACHINE_TOOL_NAMESPACE = "http://opcfoundation.org/UA/MachineTool/";

    /** The event fields selected, in this order (browse paths from BaseEventType, ConditionType and its subtypes). */
    private enum Field {
        EVENT_ID(NodeIds.BaseEventType, "EventId"),
        EVENT_TYPE(NodeIds.BaseEventType, "EventType"),
        SOURCE_NAME(NodeIds.BaseEventType, "SourceName"),
        TIME(NodeIds.BaseEventType, "Time"),
        MESSAGE(NodeIds.BaseEventType, "Message"),
        SEVERITY(NodeIds.BaseEventType, "Severity"),
        CONDITION_NAME(NodeIds.ConditionType, "ConditionName"),
        ACKED(NodeIds.AcknowledgeableConditionType, "AckedState", "Id"),
        ACTIVE(NodeIds.AlarmConditionType, "ActiveState", "Id"),
        // the condition's own node id: an empty browse path on ConditionType selects it (OPC 10000-9 5.5.2)
        CONDITION_ID(NodeIds.ConditionType),
        CLIENT_USER_ID(NodeIds.ConditionType, "ClientUserId"),
        COMMENT(NodeIds.ConditionType, "Comment"),
        // companion-specification fields, by any event type that carries them (namespace from the server's array)
        IDENTIFIER(null, "Identifier"),
        ERROR_CODE(null, "ErrorCode");

        private final NodeId type;
        private final String[] path;

        Field(NodeId type, String... path) {
            this.type = type;
            this.path = path;
        }

        SimpleAttributeOperand operand(UShort machineToolNamespace) {
            QualifiedName[] names = new QualifiedName[path.length];
            for (int i = 0; i < path.length; i++) {
                // a server without the MachineTool namespace: an index no name has, so the field stays empty
                names[i] = type != null ? new QualifiedName(0, path[i])
                        : new QualifiedName(machineToolNamespace == null ? UShort.MAX : machineToolNamespace, path[i]);
            }
            return new SimpleAttributeOperand(type == null ? NodeIds.BaseEventType : type, names,
                    (this == CONDITION_ID ? AttributeId.NodeId : AttributeId.Value).uid(), null);
        }
    }

    /**
     * One event: what the canonical alarm carries. Severity is OPC UA's 1–1000; {@code acknowledged} and {@code active}
     * are null for an event that is no condition (a message). {@code user} is the ClientUserId of the condition's last
     * comment or acknowledgement: a person.
     */
    public record Alarm(String eventId, String eventType, String source, String condition, String conditionId,
                        String identifier, int severity, String message, Instant time, Boolean acknowledged,
                        Boolean active, String user, String comment) {

        /** Whether the event is a condition's (it carries AckedState). */
        public boolean isCondition() {
            return acknowledged != null;
        }
    }

    private final OpcUaClient client;

    private OpcUaAlarms(OpcUaClient client) {
        this.client = client;
    }

    /** Subscribes to the server object's condition events; {@code alarms} receives each on Milo's thread. */
    public static OpcUaAlarms subscribe(OpcUaSecurity security, Connection.OpcUa connection, Consumer<Alarm> alarms)
            throws UaException {
        OpcUaClient client = security.connect(connection);
        try {
            OpcUaSubscription subscription = new OpcUaSubscription(client);
            subscription.create();
            OpcUaMonitoredItem item = eventItem(NodeIds.Server, client.getNamespaceTable(), alarm -> {
                if (alarm.isCondition()) {
                    alarms.accept(alarm);
                }
            });
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();
            return new OpcUaAlarms(client);
        } catch (UaException | RuntimeException e) {
            client.disconnect();
            throw e;
        }
    }

    /** An event item on a notifier (the Server object, a umati Messages object) selecting the fields of {@link Alarm}. */
    static OpcUaMonitoredItem eventItem(NodeId notifier, NamespaceTable namespaces, Consumer<Alarm> events) {
        UShort machineTool = namespaces.getIndex(MACHINE_TOOL_NAMESPACE);
        List<SimpleAttributeOperand> select = new ArrayList<>();
        for (Field field : Field.values()) {
            select.add(field.operand(machineTool));
        }
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(notifier,
                new EventFilter(select.toArray(SimpleAttributeOperand[]::new), new ContentFilter(null)));
        item.setEventValueListener((monitored, values) -> {
            Alarm alarm = alarm(values);
            if (alarm != null) {
                events.accept(alarm);
            }
        });
        return item;
    }

    /** The alarm of an event's selected fields, or null when the server sent fewer fields than selected. */
    static Alarm alarm(Variant[] values) {
        if (values == null || values.length < Field.values().length) {
            return null;
        }
        Object id = value(values, Field.EVENT_ID);
        Object severity = value(values, Field.SEVERITY);
        Object time = value(values, Field.TIME);
        String identifier = text(value(values, Field.IDENTIFIER));
        return new Alarm(id instanceof ByteString bytes ? HexFormat.of().formatHex(bytes.bytesOrEmpty()) : null,
                id(value(values, Field.EVENT_TYPE)), text(value(values, Field.SOURCE_NAME)),
                text(value(values, Field.CONDITION_NAME)), id(value(values, Field.CONDITION_ID)),
                identifier != null ? identifier : text(value(values, Field.ERROR_CODE)),
                severity instanceof Number n ? n.intValue() : 0, text(value(values, Field.MESSAGE)),
                time instanceof DateTime t && t.isValid() && t.getUtcTime() > 0 ? t.getJavaInstant() : null,
                value(values, Field.ACKED) instanceof Boolean acked ? acked : null,
                value(values, Field.ACTIVE) instanceof Boolean active ? active : null,
                text(value(values, Field.CLIENT_USER_ID)), text(value(values, Field.COMMENT)));
    }

    private static Object value(Variant[] values, Field field) {
        Variant variant = values[field.ordinal()];
        return variant == null ? null : variant.value();
    }

    private static String id(Object value) {
        return value instanceof NodeId node ? node.toParseableString() : null;
    }

    private static String text(Object value) {
        String text = value instanceof LocalizedText localized ? localized.text() : value == null ? null : value.toString();
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (UaException e) {
            throw new IllegalStateException("the OPC UA event subscription did not close (" + e.getStatusCode() + ")", e);
        }
    }
}
