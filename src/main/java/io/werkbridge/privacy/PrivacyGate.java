package io.werkbridge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Filters a canonical envelope for one destination: every body field is looked up in the classification of the
 * message type and treated with the destination's action for its category. Fields no classification covers are
 * unclassified: dropped and reported. The gate is pure: no I/O, no state between calls.
 */
public final class PrivacyGate {

    /** Envelope fields that carry no personal data and pass unchanged. */
    private static final Set<String> TECHNICAL_ENVELOPE_FIELDS = Set.of("messageId", "type", "operation", "occurredAt", "source");
    private static final FieldPath KEY_PATH = new FieldPath(null, "$key", false);
    /** Destination id of {@link #operatorView}: not a destination of the policy, nothing is sent to it. */
    public static final String OPERATOR_VIEW = "operator-view";

    private final PrivacyPolicy policy;
    private final ValueOperators operators;
    private final SubjectRestrictions restrictions;
    private final Clock clock;
    /** Per destination, the action of every category, resolved once (ancestors and defaults included). */
    private final Map<String, Map<String, Action>> resolvedActions = new HashMap<>();
    /** Per type, the split paths of subject identifiers and of names, computed once. */
    private final Map<String, List<String[]>> subjectPaths = new HashMap<>();
    private final Map<String, List<String[]>> namePaths = new HashMap<>();
    private final Map<String, FieldTree> fieldTrees = new HashMap<>();
    private final Destination operatorView;

    public PrivacyGate(PrivacyPolicy policy, ValueOperators operators, SubjectRestrictions restrictions, Clock clock) {
        this.policy = policy;
        this.operators = operators;
        this.restrictions = restrictions;
        this.clock = clock;
        this.operatorView = operatorViewDestination(policy.taxonomy());
        policy.destinations().values().forEach(d -> {
            Map<String, Action> actions = new HashMap<>();
            policy.taxonomy().categories().keySet().forEach(c -> actions.put(c, d.actionFor(c, policy.taxonomy())));
            resolvedActions.put(d.id(), actions);
        });
        policy.classification().forEach((type, c) -> {
            fieldTrees.put(type, FieldTree.of(c));
            subjectPaths.put(type, c.subjectPaths().stream().map(path -> path.split("\\.")).toList());
            namePaths.put(type, c.fields().entrySet().stream()
                    .filter(f -> Taxonomy.within(f.getValue(), "master.name") || Taxonomy.within(f.getValue(), "personnel.name"))
                    .map(f -> f.getKey().split("\\."))
                    .toList());
        });
    }

    public PrivacyGate(PrivacyPolicy policy, ValueOperators operators) {
        this(policy, operators, SubjectRestrictions.NONE, Clock.systemUTC());
    }

    public PrivacyPolicy policy() {
        return policy;
    }

    /** Filters for delivery. */
    public GateResult filter(String destinationId, ObjectNode envelope) {
        return filter(destinationId, envelope, false);
    }

    /** Filters and lists a decision per field path, for previews. */
    public GateResult explain(String destinationId, ObjectNode envelope) {
        return filter(destinationId, envelope, true);
    }

    private GateResult filter(String destinationId, ObjectNode envelope, boolean explain) {
        Destination destination = policy.destination(destinationId).orElseThrow(() -> new PrivacyGateException(
                "unknown destination '" + destinationId + "': add it to destinations.yml or fix the route"));
        return filter(destination, resolvedActions.get(destinationId), envelope, explain, true);
    }

    /**
     * What an operator of the hub may see of a message (a dead letter, a held message): every value of a personal
     * category masked whole (its length stays visible), non-personal values as they are, unclassified fields
     * dropped and reported. Nothing is disclosed and no hold applies: the view never leaves the hub's operators.
     */
    public GateResult operatorView(ObjectNode envelope) {
        return filter(operatorView, operatorView.actions(), envelope, false, false);
    }

    private static Destination operatorViewDestination(Taxonomy taxonomy) {
        Map<String, Action> actions = new LinkedHashMap<>();
        taxonomy.categories().keySet().forEach(category -> actions.put(category,
                taxonomy.isPersonal(category) ? new Action(ActionType.MASK, 0) : Action.ALLOW));
        return new Destination(OPERATOR_VIEW, Destination.CONTROLLER, "hub-operations",
                "Art. 6(1)(f) GDPR (legitimate interest: operating the hub)", actions);
    }

    private GateResult filter(Destination destination, Map<String, Action> actions, ObjectNode envelope, boolean explain,
                              boolean failClosed) {
        String type = envelope.path("type").asText();
        TypeClassification classification = policy.classification().get(type);
        if (classification == null) {
            throw new PrivacyGateException("no classification for message type '" + type + "': classify it in classification.yml");
        }
        JsonNode body = envelope.path("body");
        Set<String> subjects = new TreeSet<>();
        subjectPaths.get(type).forEach(path -> collect(body, path, 0, subjects));
        Set<String> names = new HashSet<>();
        namePaths.get(type).forEach(path -> collect(body, path, 0, names));
        Walk walk = new Walk(actions, new RecordContext(names, subjects), explain);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = envelope.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (TECHNICAL_ENVELOPE_FIELDS.contains(name)) {
                out.set(name, field.getValue());
            } else if ("key".equals(name)) {
                JsonNode key = walk.apply(KEY_PATH, classification.keyCategory(), field.getValue());
                if (key != null) {
                    out.set(name, key);
                }
            } else if ("body".equals(name) && field.getValue().isObject()) {
                out.set(name, walk.object((ObjectNode) field.getValue(), fieldTrees.get(type), FieldPath.ROOT));
            } else {
                walk.unclassified("$" + name);
            }
        }
        if (failClosed && walk.discloses()) {
            holdIfNotAllowed(destination, subjects);
        }
        return new GateResult(out, destination, List.copyOf(walk.decisions.values()), walk.sent, walk.masked,
                walk.dropped, walk.unclassified, subjects, walk.categoryActions, policy.version());
    }

    /**
     * Fail closed: personal data leaves only under a contract in force, with a transfer mechanism where needed, and
     * for subjects whose processing is not restricted. Otherwise the whole message is held, not filtered further.
     */
    private void holdIfNotAllowed(Destination destination, Set<String> subjects) {
        if (!Destination.CONTROLLER.equals(destination.processor())) {
            Processor processor = policy.processor(destination.processor()).orElseThrow(() -> new MessageHeldException(
                    destination.id(), "processor '" + destination.processor() + "' is not registered"));
            Optional<String> problem = ContractCheck.problem(processor, LocalDate.now(clock));
            if (problem.isPresent()) {
                throw new MessageHeldException(destination.id(), problem.get());
            }
        }
        restrictions.restrictionFor(subjects, destination.purpose()).ifPresent(reason -> {
            throw new MessageHeldException(destination.id(), reason);
        });
    }

    private static void collect(JsonNode node, String[] steps, int index, Set<String> out) {
        if (index == steps.length) {
            if (node.isValueNode() && !node.asText().isEmpty()) {
                out.add(node.asText());
            }
            return;
        }
        String step = steps[index];
        boolean array = step.endsWith("[]");
        JsonNode next = node.path(array ? step.substring(0, step.length() - 2) : step);
        if (array) {
            next.forEach(element -> collect(element, steps, index + 1, out));
        } else if (!next.isMissingNode()) {
            collect(next, steps, index + 1, out);
        }
    }

    /** State of one filtering pass. */
    private final class Walk {
        private final RecordContext record;
        private final Map<String, Action> actions;
        private final boolean explain;
        private final Map<String, FieldDecision> decisions = new LinkedHashMap<>();
        private final Map<String, ActionType> categoryActions = new HashMap<>();
        private final Set<String> sent = new TreeSet<>();
        private final Set<String> masked = new TreeSet<>();
        private final Set<String> dropped = new TreeSet<>();
        private final Set<String> unclassified = new LinkedHashSet<>();

        Walk(Map<String, Action> actions, RecordContext record, boolean explain) {
            this.record = record;
            this.actions = actions;
            this.explain = explain;
        }

        ObjectNode object(ObjectNode node, FieldTree tree, FieldPath path) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = child(path.field(field.getKey()), field.getValue(), tree == null ? null : tree.child(field.getKey()));
                if (value != null) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }

        private JsonNode child(FieldPath path, JsonNode value, FieldTree tree) {
            if (tree != null && tree.category() != null) {
                return apply(path, tree.category(), value);
            }
            if (value.isObject()) {
                return object((ObjectNode) value, tree, path);
            }
            if (value.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                FieldPath elements = path.elements();
                FieldTree elementTree = tree == null ? null : tree.element();
                for (JsonNode element : value) {
                    JsonNode filtered = child(elements, element, elementTree);
                    if (filtered != null) {
                        out.add(filtered);
                    }
                }
                return out;
            }
            unclassified(path.toString());
            return null;
        }

        JsonNode apply(FieldPath path, String category, JsonNode value) {
            Action action = actions.get(category);
            if (categoryActions.putIfAbsent(category, action.type()) == null) {
                // a category has one action per destination: it is counted once, at its first field
                (action.type() == ActionType.ALLOW ? sent : action.type() == ActionType.DROP ? dropped : masked).add(category);
            }
            if (explain) {
                String text = path.toString();
                decisions.putIfAbsent(text, new FieldDecision(text, category, action.type()));
            }
            return switch (action.type()) {
                case ALLOW -> value;
                case DROP -> null;
                default -> transform(value, action);
            };
        }

        private JsonNode transform(JsonNode value, Action action) {
            if (action.type() == ActionType.GENERALIZE && value.has("lat") && value.has("lon")) {
                return operators.apply(action, value, record);
            }
            if (value.isObject()) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                value.fields().forEachRemaining(f -> out.set(f.getKey(), transform(f.getValue(), action)));
                return out;
            }
            if (value.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                value.forEach(element -> out.add(transform(element, action)));
                return out;
            }
            if (value.isNull()) {
                return value;
            }
            return operators.apply(action, value, record);
        }

        /** True when a personal category is about to leave in any form. */
        boolean discloses() {
            return sent.stream().anyMatch(policy.taxonomy()::isPersonal) || !masked.isEmpty();
        }

        void unclassified(String path) {
            unclassified.add(path);
            categoryActions.putIfAbsent(FieldDecision.UNCLASSIFIED, ActionType.DROP);
            if (explain) {
                decisions.putIfAbsent(path, new FieldDecision(path, FieldDecision.UNCLASSIFIED, ActionType.DROP));
            }
        }
    }

}
