package io.werkbridge.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which messages of a flow a destination takes ({@code werkbridge.flows.<flow>.select.<destination>}), the first
 * step of its {@code flow-destination} route. A selection is {@code *} (every message) or conditions on the canonical
 * body, separated by {@code ;}, all of which must hold:
 * <ul>
 *   <li>{@code kind=alarm|status}: the field is one of the values (as text);</li>
 *   <li>{@code location}: the field is present and not null;</li>
 *   <li>{@code !status}: the field is absent or null.</li>
 * </ul>
 * Paths are dotted ({@code location.lat}). A message the destination does not take is acknowledged by its route and
 * never reaches the gate: nothing of it leaves.
 */
@Component("flowSelection")
public final class FlowSelection {

    public static final String ALL = "*";
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");

    private final Map<String, List<Condition>> parsed = new ConcurrentHashMap<>();

    /** Whether the destination takes the message (a canonical envelope as JSON). */
    public boolean accepts(String message, String selection) {
        List<Condition> conditions = parsed.computeIfAbsent(selection, FlowSelection::parse);
        if (conditions.isEmpty()) {
            return true;
        }
        JsonNode body = CanonicalJson.read(message).path("body");
        return conditions.stream().allMatch(c -> c.holds(body));
    }

    /**
     * The conditions of a selection; none for {@code *}.
     *
     * @throws IllegalArgumentException naming what is wrong, if the selection is not of the form above
     */
    static List<Condition> parse(String selection) {
        if (selection == null || selection.isBlank()) {
            throw new IllegalArgumentException("a selection must not be empty (use * for every message)");
        }
        if (ALL.equals(selection.strip())) {
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : selection.split(";", -1)) {
            String condition = part.strip();
            boolean absent = condition.startsWith("!");
            int equals = condition.indexOf('=');
            String field = absent ? condition.substring(1) : equals < 0 ? condition : condition.substring(0, equals);
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("selection condition '" + condition + "': expected field, !field or field=value|value");
            }
            Set<String> values = Set.of();
            if (!absent && equals >= 0) {
                List<String> listed = List.of(condition.substring(equals + 1).split("\\|", -1));
                if (!listed.stream().allMatch(v -> VALUE.matcher(v).matches())) {
                    throw new IllegalArgumentException("selection condition '" + condition + "': values are 1-80 of A-Z a-z 0-9 _ . : -, separated by |");
                }
                values = Set.copyOf(listed);
            }
            conditions.add(new Condition(List.of(field.split("\\.")), absent, values));
        }
        return List.copyOf(conditions);
    }

    /** One condition on a body field: absent, present, or one of some values. */
    record Condition(List<String> path, boolean absent, Set<String> values) {

        boolean holds(JsonNode body) {
            JsonNode node = body;
            for (String step : path) {
                node = node.path(step);
            }
            boolean present = !node.isMissingNode() && !node.isNull();
            if (absent) {
                return !present;
            }
            return present && (values.isEmpty() || node.isValueNode() && values.contains(node.asText()));
        }
    }
}
