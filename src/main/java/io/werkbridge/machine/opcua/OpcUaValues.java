package io.werkbridge.machine.opcua;

import io.werkbridge.machine.SourceValue;
import java.lang.reflect.Array;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UNumber;

/**
 * OPC UA data changes as plain values: numbers (unsigned ones included), booleans and text stay what they are,
 * localized text becomes its text, date-times ISO-8601 instants, node ids and qualified names their string form,
 * byte strings base64, arrays lists. A value is dated by its source timestamp, else the server's, else now.
 */
public final class OpcUaValues {

    private final Clock clock;

    public OpcUaValues(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the value of {@code node}, or null when the server reports a bad or uncertain status (no value then)
     */
    public SourceValue toSourceValue(String node, DataValue data) {
        if (data == null || data.getStatusCode() == null || !data.getStatusCode().isGood()) {
            return null;
        }
        Object value = data.getValue() == null ? null : plain(data.getValue().getValue());
        return new SourceValue(node, value, timestamp(data));
    }

    /** Whether a data change carries a good value (the heartbeat counts only those). */
    public static boolean isGood(DataValue data) {
        return data != null && data.getStatusCode() != null && data.getStatusCode().isGood();
    }

    private Instant timestamp(DataValue data) {
        for (DateTime time : new DateTime[] {data.getSourceTime(), data.getServerTime()}) {
            if (time != null && time.isValid() && time.getUtcTime() > 0) {
                return time.getJavaInstant();
            }
        }
        return clock.instant();
    }

    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof ULong big) {
            return big.toBigInteger();
        }
        if (value instanceof UNumber unsigned) {
            return unsigned.longValue();
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof LocalizedText text) {
            return text.getText();
        }
        if (value instanceof DateTime time) {
            return time.getJavaInstant().toString();
        }
        if (value instanceof QualifiedName name) {
            return name.getName();
        }
        if (value instanceof NodeId id) {
            return id.toParseableString();
        }
        if (value instanceof ExpandedNodeId id) {
            return id.toParseableString();
        }
        if (value instanceof ByteString bytes) {
            return bytes.isNull() ? null : Base64.getEncoder().encodeToString(bytes.bytesOrEmpty());
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(plain(Array.get(value, i)));
            }
            return list;
        }
        return value.toString();
    }
}
