package io.werkbridge.machine.opcua;

import io.werkbridge.machine.SourceValue;
import java.util.List;

/** What a umati machine tool's subscription delivers to its route: data changes of one publish, or one event. */
public sealed interface UmatiNotification {

    /** Data changes of one publish response, each with the node it came from. */
    record DataChanges(List<Change> changes) implements UmatiNotification {
        public DataChanges {
            changes = List.copyOf(changes);
        }
    }

    /** One value of a monitored node, as OpcUaValues made it plain. */
    record Change(UmatiBrowser.Node node, SourceValue value) {
    }

    /** One event of the machine's notifier: a message, an alarm, a condition's state change. */
    record Event(OpcUaAlarms.Alarm alarm) implements UmatiNotification {
    }
}
