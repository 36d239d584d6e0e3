package io.werkbridge.machine.opcua;

import io.werkbridge.machine.MachineEvents;
import io.werkbridge.machine.MachineStatusBoard;
import io.werkbridge.machine.MappingRule;
import io.werkbridge.machine.SourceValue;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.MachineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A umati machine tool's notifications as canonical machine events (step of the {@code machine-opcua-umati} route):
 * data changes go where {@link UmatiBrowser} placed their node; an event of the machine's notifier becomes an
 * {@code alarm} event with severity, source, message, condition and its acknowledged and active state. The message
 * and a condition's comment are free text ({@code values}, scanned by the gate); the user who acknowledged or
 * commented (ClientUserId) is a person: the event's {@code operator.id}, for that event only.
 */
public final class UmatiEvents {

    private static final String MESSAGES = "Notification/Messages/";
    /** Machinery's Location as coordinates: {@code 48.78, 9.18} or {@code 48.78 9.18}. */
    private static final Pattern COORDINATES = Pattern.compile(
            "\\s*([+-]?\\d{1,2}(?:\\.\\d+)?)\\s*[,; ]\\s*([+-]?\\d{1,3}(?:\\.\\d+)?)\\s*");
    /** Longest text taken from an event (message, comment): a control's message is a line, not a document. */
    static final int MAX_TEXT = 1024;
    private static final int MAX_PLACE = 64;
    private static final MappingRule LONGITUDE = new MappingRule("Identification/Location", null, null,
            MappingRule.Field.LOCATION_LON, MappingRule.ValueType.AUTO);

    private final MachineEvents events;
    private final MachineStatusBoard status;
    private final Clock clock;

    public UmatiEvents(MachineEvents events, MachineStatusBoard status, Clock clock) {
        this.events = events;
        this.status = status;
        this.clock = clock;
    }

    /** The canonical machine events of one notification (none when nothing in it is taken). */
    public List<Envelope> toEvents(String machineId, UmatiNotification notification) {
        if (notification instanceof UmatiNotification.Event event) {
            return alarm(machineId, event.alarm());
        }
        List<MachineEvents.Mapped> mapped = new ArrayList<>();
        int left = 0;
        for (UmatiNotification.Change change : ((UmatiNotification.DataChanges) notification).changes()) {
            UmatiBrowser.Node node = change.node();
            SourceValue value = change.value();
            if (node.decode() == UmatiBrowser.Decode.LOCATION) {
                Matcher coordinates = value.value() instanceof String text && text.length() <= MAX_PLACE
                        ? COORDINATES.matcher(text) : null;
                if (coordinates == null || !coordinates.matches() || !within(coordinates)) {
                    // a place name says where the customer's machine stands (access.place): without coordinates the
                    // hub has no field that carries it under that category, so it is left out
                    left++;
                    continue;
                }
                mapped.add(new MachineEvents.Mapped(withValue(value, Double.valueOf(coordinates.group(1))), node.rule()));
                mapped.add(new MachineEvents.Mapped(withValue(value, Double.valueOf(coordinates.group(2))), LONGITUDE));
            } else {
                mapped.add(new MachineEvents.Mapped(withValue(value, node.decode().decode(value.value())), node.rule()));
            }
        }
        status.unmapped(machineId, left);
        return events.fromMapped(machineId, mapped, null, e -> {
            throw e;
        });
    }

    private static boolean within(Matcher coordinates) {
        return Math.abs(Double.parseDouble(coordinates.group(1))) <= 90 && Math.abs(Double.parseDouble(coordinates.group(2))) <= 180;
    }

    private List<Envelope> alarm(String machineId, OpcUaAlarms.Alarm alarm) {
        Instant time = alarm.time() != null ? alarm.time() : clock.instant();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("severity", alarm.severity());
        values.put("message", bounded(alarm.message()));
        values.put("source", alarm.source());
        values.put("identifier", alarm.identifier());
        values.put("condition", alarm.condition());
        values.put("conditionId", alarm.conditionId());
        values.put("acknowledged", alarm.acknowledged());
        values.put("active", alarm.active());
        values.put("comment", bounded(alarm.comment()));
        List<MachineEvents.Mapped> mapped = new ArrayList<>();
        // the event id makes the message id: an event delivered twice is one message to the destinations
        values.forEach((name, value) -> mapped.add(new MachineEvents.Mapped(
                new SourceValue(MESSAGES + name, value, time, alarm.eventId() == null ? null : "event:" + alarm.eventId()),
                new MappingRule(MESSAGES + name, MachineEvent.Kind.alarm, name, null, MappingRule.ValueType.AUTO))));
        MachineEvent.Operator user = alarm.user() == null ? null : new MachineEvent.Operator(alarm.user(), null);
        return events.fromMapped(machineId, mapped, user, e -> {
            throw e;
        });
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static SourceValue withValue(SourceValue value, Object replaced) {
        return new SourceValue(value.source(), replaced, value.timestamp(), value.position());
    }
}
