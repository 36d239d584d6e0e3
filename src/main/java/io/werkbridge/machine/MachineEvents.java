package io.werkbridge.machine;

import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.InvalidSourceDataException;
import io.werkbridge.model.MachineEvent;
import io.werkbridge.model.MessageIds;
import io.werkbridge.model.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns protocol values into canonical machine events with a machine's mapping. Values of one kind observed at the
 * same instant form one event; values no rule maps are left out (and counted). Operator and location values are
 * not events themselves: they are the machine's current context, carried by every event that follows, until the
 * machine reports another (the context lives in memory and starts empty after a restart).
 */
public final class MachineEvents {

    private final MachineRegistry machines;
    private final MachineStatusBoard status;
    private final Clock clock;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();

    public MachineEvents(MachineRegistry machines, MachineStatusBoard status, Clock clock) {
        this.machines = machines;
        this.status = status;
        this.clock = clock;
    }

    /**
     * Events from one record of named values read together (a serial telegram). A value mapped to
     * {@code timestamp} dates the whole record (without one the record is dated now), and operator and location
     * values apply to all events of the record.
     *
     * @throws InvalidSourceDataException naming the key whose value cannot be converted
     */
    public List<Envelope> fromRecord(String machineId, Map<String, String> record) {
        MachineDefinition machine = machines.require(machineId);
        Instant timestamp = clock.instant();
        for (Map.Entry<String, String> entry : record.entrySet()) {
            MappingRule rule = machine.ruleFor(entry.getKey()).orElse(null);
            if (rule != null && rule.field() == MappingRule.Field.TIMESTAMP) {
                timestamp = instant(entry.getValue(), entry.getKey());
            }
        }
        // operator and location of a telegram apply to the whole telegram: they go first
        List<SourceValue> context = new ArrayList<>();
        List<SourceValue> values = new ArrayList<>();
        for (Map.Entry<String, String> entry : record.entrySet()) {
            boolean isContext = machine.ruleFor(entry.getKey()).map(r -> r.field() != null).orElse(false);
            (isContext ? context : values).add(new SourceValue(entry.getKey(), entry.getValue(), timestamp));
        }
        context.addAll(values);
        return fromValues(machineId, context);
    }

    /** Events from one value (an OPC UA data change). */
    public List<Envelope> fromValue(String machineId, SourceValue value) {
        return fromValues(machineId, List.of(value));
    }

    /**
     * Events from values in the order the machine produced them.
     *
     * @throws InvalidSourceDataException naming the source whose value cannot be converted
     */
    public List<Envelope> fromValues(String machineId, List<SourceValue> values) {
        return fromValues(machineId, values, e -> {
            throw e;
        });
    }

    /**
     * Events from values in the order the machine produced them; a value that cannot be converted is handed to
     * {@code invalid} and left out (for streams that must not stop at one bad value).
     */
    public List<Envelope> fromValues(String machineId, List<SourceValue> values,
                                     Consumer<InvalidSourceDataException> invalid) {
        MachineDefinition machine = machines.require(machineId);
        List<Mapped> mapped = new ArrayList<>(values.size());
        int unmapped = 0;
        for (SourceValue value : values) {
            MappingRule rule = machine.ruleFor(value.source()).orElse(null);
            if (rule == null) {
                unmapped++;
            } else {
                mapped.add(new Mapped(value, rule));
            }
        }
        status.unmapped(machineId, unmapped);
        return events(machine, mapped, invalid, null);
    }

    /**
     * Events from values whose rule the protocol's profile chose (umati: the rule follows from where the node stands
     * in the server, not from the machine file). A rule's value name may be a path of names separated by {@code /}
     * ({@code channels/Channel_1/state}): the value is nested in {@code values} along it.
     *
     * @param actor the person the event itself names (an alarm's acknowledging user), for this event only; null:
     *              the machine's current operator
     */
    public List<Envelope> fromMapped(String machineId, List<Mapped> values, MachineEvent.Operator actor,
                                     Consumer<InvalidSourceDataException> invalid) {
        return events(machines.require(machineId), values, invalid, actor);
    }

    /** A protocol value with the rule that maps it. */
    public record Mapped(SourceValue value, MappingRule rule) {
        public Mapped {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(rule, "rule");
        }
    }

    private List<Envelope> events(MachineDefinition machine, List<Mapped> values,
                                  Consumer<InvalidSourceDataException> invalid, MachineEvent.Operator actor) {
        Context context = contexts.computeIfAbsent(machine.id(), id -> new Context());
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        synchronized (context) {
            for (Mapped mapped : values) {
                SourceValue value = mapped.value();
                MappingRule rule = mapped.rule();
                Object converted;
                try {
                    converted = convert(value.value(), rule);
                } catch (InvalidSourceDataException e) {
                    invalid.accept(e);
                    continue;
                }
                if (rule.field() == null) {
                    GroupKey key = new GroupKey(value.timestamp(), rule.kind(), context.version);
                    if (converted != null) {
                        put(groups.computeIfAbsent(key, k -> new Group(value.position(), context.snapshot())).values,
                                rule.value(), converted);
                    }
                } else if (rule.field() != MappingRule.Field.TIMESTAMP) {
                    context.set(rule.field(), converted);
                }
            }
        }
        List<Envelope> events = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> events.add(envelope(machine, key, group, actor)));
        return events;
    }

    /** Puts a value under its name, nested along a name path {@code a/b/c}. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, String name, Object value) {
        String[] path = name.split("/");
        Map<String, Object> at = values;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = at.get(path[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                at.put(path[i], next);
            }
            at = (Map<String, Object>) next;
        }
        at.put(path[path.length - 1], value);
    }

    private Envelope envelope(MachineDefinition machine, GroupKey key, Group group, MachineEvent.Operator actor) {
        MachineEvent event = new MachineEvent(machine.machineNumber(), machine.machineType(), machine.customerNumber(),
                key.timestamp(), key.kind(), group.values, actor != null ? actor : group.context.operator(),
                group.context.location(),
                new MachineEvent.Origin(machine.protocol().id(), machine.connection().endpoint()));
        String messageId = group.position == null
                ? MessageIds.next()
                : UUID.nameUUIDFromBytes((machine.id() + "|" + group.position + "|" + key.kind())
                        .getBytes(StandardCharsets.UTF_8)).toString();
        return new Envelope(messageId, EntityType.MACHINE_EVENT, machine.machineNumber(), Operation.UPSERT,
                key.timestamp(), "machine:" + machine.id(), CanonicalJson.tree(event));
    }

    static Object convert(Object value, MappingRule rule) {
        MappingRule.ValueType type = typeOf(rule);
        if (value == null) {
            return null;
        }
        try {
            return switch (type) {
                case AUTO -> value;
                case STRING -> value instanceof Map<?, ?> ? value : value.toString();
                case INTEGER -> value instanceof Number n && !(n instanceof Double || n instanceof Float)
                        ? n.longValue() : new BigDecimal(value.toString().trim()).longValueExact();
                case NUMBER -> value instanceof Number n ? n : new BigDecimal(value.toString().trim());
                case BOOLEAN -> value instanceof Boolean b ? b : bool(value.toString());
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidSourceDataException("value of '" + rule.source() + "' is not " + article(type)
                    + " " + type.name().toLowerCase(Locale.ROOT) + " as its mapping requires");
        }
    }

    /** Operator fields are text and location fields numbers whatever the rule says; values convert as configured. */
    private static MappingRule.ValueType typeOf(MappingRule rule) {
        if (rule.field() == null) {
            return rule.type();
        }
        return switch (rule.field()) {
            case LOCATION_LAT, LOCATION_LON -> MappingRule.ValueType.NUMBER;
            case OPERATOR_ID, OPERATOR_NAME -> MappingRule.ValueType.STRING;
            case TIMESTAMP -> rule.type();
        };
    }

    private static String article(MappingRule.ValueType type) {
        return type == MappingRule.ValueType.INTEGER ? "an" : "a";
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new NumberFormatException("not a boolean");
        };
    }

    private static Instant instant(String text, String source) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidSourceDataException("value of '" + source + "' is not an ISO-8601 instant (e.g. 2026-11-20T10:15:00Z)");
        }
    }

    private record GroupKey(Instant timestamp, MachineEvent.Kind kind, long contextVersion) {
    }

    private static final class Group {
        private final String position;
        private final Snapshot context;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Group(String position, Snapshot context) {
            this.position = position;
            this.context = context;
        }
    }

    private record Snapshot(String operatorId, String operatorName, Number lat, Number lon) {
        MachineEvent.Operator operator() {
            return operatorId == null && operatorName == null ? null : new MachineEvent.Operator(operatorId, operatorName);
        }

        MachineEvent.Location location() {
            return lat == null || lon == null ? null : new MachineEvent.Location(lat.doubleValue(), lon.doubleValue());
        }
    }

    /** A machine's current operator and location. */
    private static final class Context {
        private long version;
        private Snapshot current = new Snapshot(null, null, null, null);

        Snapshot snapshot() {
            return current;
        }

        /** A blank operator id or name means nobody is logged in. */
        void set(MappingRule.Field field, Object given) {
            Object value = given instanceof String text && text.isBlank() ? null : given;
            Snapshot next = switch (field) {
                case OPERATOR_ID -> new Snapshot((String) value, current.operatorName(), current.lat(), current.lon());
                case OPERATOR_NAME -> new Snapshot(current.operatorId(), (String) value, current.lat(), current.lon());
                case LOCATION_LAT -> new Snapshot(current.operatorId(), current.operatorName(), (Number) value, current.lon());
                case LOCATION_LON -> new Snapshot(current.operatorId(), current.operatorName(), current.lat(), (Number) value);
                case TIMESTAMP -> current;
            };
            if (!Objects.equals(next, current)) {
                current = next;
                version++;
            }
        }
    }
}
