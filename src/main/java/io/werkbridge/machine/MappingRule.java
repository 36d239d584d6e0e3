package io.werkbridge.machine;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.werkbridge.model.MachineEvent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one protocol value goes in the canonical machine event: either into {@code values.<value>} of an event of
 * {@code kind}, or into one of the event's own fields ({@link Field}).
 *
 * @param source protocol name of the value: telegram key (serial), node id (OPC UA), data item id or name (MTConnect)
 * @param kind   the event kind, when the value goes into {@code values}
 * @param value  the name under {@code values}, when {@code kind} is set
 * @param field  the event field, when the value is not a kind's value
 * @param type   how to convert the protocol value
 */
public record MappingRule(String source, MachineEvent.Kind kind, String value, Field field, ValueType type) {

    public MappingRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if ((kind == null) == (field == null) || (kind != null && value == null)) {
            throw new IllegalArgumentException("a mapping rule has either kind and value, or field");
        }
    }

    /** Event fields a protocol value can fill besides {@code values}. */
    public enum Field {
        OPERATOR_ID, OPERATOR_NAME, LOCATION_LAT, LOCATION_LON, TIMESTAMP;

        private final String path = name().toLowerCase(Locale.ROOT).replace('_', '.');

        /** Its path in the event, e.g. {@code operator.id}. */
        public String path() {
            return path;
        }

        /** The field a machine file names by its path, e.g. {@code operator.id}. */
        @JsonCreator
        public static Field ofPath(String path) {
            return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no event field " + path));
        }
    }

    /** Conversion of a protocol value; {@code auto} keeps what the protocol delivers (text stays text). */
    public enum ValueType {
        AUTO, STRING, INTEGER, NUMBER, BOOLEAN
    }
}
