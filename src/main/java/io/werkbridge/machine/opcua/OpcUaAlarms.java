package io.werkbridge.machine.opcua;

import io.werkbridge.machine.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * OPC UA Alarms & Conditions as the hub sees them: an event subscription on the server object (the Milo client SDK;
 * camel-milo's consumer monitors values only), with the machine's security and identity ({@link OpcUaSecurity}).
 * Every event of the server's notifier whose type is a condition (it carries AckedState) becomes an {@link Alarm}:
 * a raised alarm, and again each change of its state, its acknowledgement included (OPC 10000-9: a condition
 * reports every state change as an event of its type).
 */
public final class OpcUaAlarms implements AutoCloseable {

    /** The event fields selected, in this order (OPC 10000-9 browse paths from BaseEventType / AlarmConditionType). */
    private static final List<Field> FIELDS = List.of(
            new Field(NodeIds.BaseEventType, "EventId"),
            new Field(NodeIds.BaseEventType, "EventType"),
            new Field(NodeIds.BaseEventType, "SourceName"),
            new Field(NodeIds.BaseEventType, "Time"),
            new Field(NodeIds.BaseEventType, "Message"),
            new Field(NodeIds.BaseEventType, "Severity"),
            new Field(NodeIds.ConditionType, "ConditionName"),
            new Field(NodeIds.AcknowledgeableConditionType, "AckedState", "Id"),
            new Field(NodeIds.AlarmConditionType, "ActiveState", "Id"));

    private record Field(NodeId type, String... path) {
        SimpleAttributeOperand operand() {
            QualifiedName[] names = new QualifiedName[path.length];
            for (int i = 0; i < path.length; i++) {
                names[i] = new QualifiedName(0, path[i]);
            }
            return new SimpleAttributeOperand(type, names, AttributeId.Value.uid(), null);
        }
    }

    /**
     * One alarm event: what the canonical alarm carries. Severity is OPC UA's 1–1000; {@code acknowledged} and
     * {@code active} are null for a server that does not report them.
     */
    public record Alarm(String eventId, String source, String condition, int severity, String message, Instant time,
                        Boolean acknowledged, Boolean active) {
    }

    private final OpcUaClient client;

    private OpcUaAlarms(OpcUaClient client) {
        this.client = client;
    }

    /** Subscribes to the server's events; {@code alarms} receives each condition event on Milo's thread. */
    public static OpcUaAlarms subscribe(OpcUaSecurity security, Connection.OpcUa connection, Consumer<Alarm> alarms)
            throws UaException {
        OpcUaClient client = security.connect(connection);
        try {
            OpcUaSubscription subscription = new OpcUaSubscription(client);
            subscription.create();
            EventFilter filter = new EventFilter(FIELDS.stream().map(Field::operand).toArray(SimpleAttributeOperand[]::new),
                    new ContentFilter(null));
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server, filter);
            item.setEventValueListener((monitored, values) -> {
                Alarm alarm = alarm(values);
                if (alarm != null) {
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

    /** The alarm of an event's selected fields, or null for an event that is no condition (no AckedState). */
    static Alarm alarm(Variant[] values) {
        if (values == null || values.length < FIELDS.size() || values[7].value() == null) {
            return null;
        }
        Object id = values[0].value();
        Object severity = values[5].value();
        Object time = values[3].value();
        return new Alarm(id instanceof ByteString bytes ? java.util.HexFormat.of().formatHex(bytes.bytesOrEmpty()) : null,
                text(values[2].value()), text(values[6].value()),
                severity instanceof Number n ? n.intValue() : 0, text(values[4].value()),
                time instanceof DateTime t ? t.getJavaInstant() : null,
                values[7].value() instanceof Boolean acked ? acked : null,
                values[8].value() instanceof Boolean active ? active : null);
    }

    private static String text(Object value) {
        if (value instanceof LocalizedText text) {
            return text.text();
        }
        return value == null ? null : value.toString();
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
