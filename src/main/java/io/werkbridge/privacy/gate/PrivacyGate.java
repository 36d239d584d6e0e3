package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.DataProcessor;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PolicyException;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import io.werkbridge.privacy.policy.Taxonomy;
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
import java.util.function.ToIntFunction;

/**
 * Filters a canonical envelope for one destination: every body field is looked up in the classification of the
 * message type and treated with the destination's action for its category. Fields no classification covers are
 * unclassified: dropped and reported.
 *
 * <p>The gate keeps no state between calls (only the policy and what it derived from it at construction), but it
 * is not free of I/O: before personal data may leave for a destination it asks its {@link SubjectRestrictions}
 * (in the hub a query of the {@code subject_restriction} table), and the {@code tokenize} action goes through
 * {@link ValueOperators} to the pseudonym vault, which stores a new token in the database. The restriction check
 * happens for {@link #filter} and {@link #explain} alike; a preview ({@link #explain}) only looks tokens up and
 * stores none (a value without a token gets a fresh, unstored one); {@link #operatorView} does neither, as it only
 * masks.
 */
public final class PrivacyGate {

    /** Envelope fields that carry no personal data and pass unchanged. */
    private static final Set<String> TECHNICAL_ENVELOPE_FIELDS = Set.of("messageId", "type", "operation", "occurredAt", "source");
    private static final FieldPath KEY_PATH = new FieldPath(null, "$key", false);
    /** Destination id of {@link #operatorView}: not a destination of the policy, nothing is sent to it. */
    public static final String OPERATOR_VIEW = "operator-view";
    /** The kinds of a party as the canonical model writes them (PartyKind; privacy does not depend on the model). */
    private static final String ORGANIZATION = "organization";
    private static final String UNKNOWN = "unknown";

    private final PrivacyPolicy policy;
    private final ValueOperators operators;
    private final SubjectRestrictions restrictions;
    private final Clock clock;
    /** The taxonomy's categories, numbered: the walk keeps its per-category state in arrays indexed by these. */
    private final String[] categories;
    private final boolean[] personal;
    /** Per destination, the action of every category by its number, resolved once (ancestors and defaults included). */
    private final Map<String, Action[]> resolvedActions = new HashMap<>();
    /** Per type, what the walk needs of its classification, computed once. */
    private final Map<String, TypePlan> plans = new HashMap<>();
    private final DestinationPolicy operatorView;

    public PrivacyGate(PrivacyPolicy policy, ValueOperators operators, SubjectRestrictions restrictions, Clock clock) {
        this.policy = policy;
        this.operators = operators;
        this.restrictions = restrictions;
        this.clock = clock;
        this.categories = policy.taxonomy().categories().keySet().toArray(String[]::new);
        this.personal = new boolean[categories.length];
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < categories.length; i++) {
            numbers.put(categories[i], i);
            personal[i] = policy.taxonomy().isPersonal(categories[i]);
        }
        ToIntFunction<String> number = category -> {
            Integer index = numbers.get(category);
            if (index == null) {
                throw new PolicyException(List.of("category '" + category + "' of the classification is not in the taxonomy"));
            }
            return index;
        };
        this.operatorView = operatorViewDestination(policy.taxonomy());
        policy.destinations().values().forEach(d -> resolvedActions.put(d.id(), resolve(d)));
        resolvedActions.put(OPERATOR_VIEW, resolve(operatorView));
        policy.classification().forEach((type, c) -> plans.put(type, new TypePlan(
                number.applyAsInt(c.keyCategory()),
                FieldTree.of(c, number),
                c.subjectPaths().stream().map(FieldSteps::of).toList(),
                namePaths(c.fields()),
                c.parties().stream().map(p -> new PartyPlan(p.kind() == null ? null : FieldSteps.of(p.kind()),
                        namePaths(p.asPerson()))).toList())));
    }

    /** The paths of the fields that hold names, which the PII finder of {@code scrub} looks for in free text. */
    private static List<FieldSteps> namePaths(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(f -> Taxonomy.within(f.getValue(), "master.name") || Taxonomy.within(f.getValue(), "personnel.name"))
                .map(f -> FieldSteps.of(f.getKey()))
                .toList();
    }

    private Action[] resolve(DestinationPolicy destination) {
        Action[] actions = new Action[categories.length];
        for (int i = 0; i < categories.length; i++) {
            actions[i] = destination.actionFor(categories[i], policy.taxonomy());
        }
        return actions;
    }

    public PrivacyGate(PrivacyPolicy policy, ValueOperators operators) {
        this(policy, operators, SubjectRestrictions.NONE, Clock.systemUTC());
    }

    public PrivacyPolicy policy() {
        return policy;
    }

    /**
     * Filters for delivery. The envelope is filtered in place (no second tree is built): the caller hands it over and
     * reads what it still needs of the original, such as the key, before the call.
     */
    public GateResult filter(String destinationId, ObjectNode envelope) {
        return filter(destinationId, envelope, false);
    }

    /**
     * Filters a copy of the envelope, as {@link #filter} would filter it for delivery, and lists a decision per field
     * path, for previews. The caller's envelope stays as it was; {@link GateResult#filtered()} is the copy.
     */
    public GateResult explain(String destinationId, ObjectNode envelope) {
        return filter(destinationId, envelope.deepCopy(), true);
    }

    private GateResult filter(String destinationId, ObjectNode envelope, boolean explain) {
        return filter(destination(destinationId), resolvedActions.get(destinationId), envelope, explain, true, true);
    }

    /**
     * Filters a data-subject rights message (a correction, an erasure or restriction notice) for a recipient, in
     * place, exactly as a delivery: same actions, same contract check. Only the subject's restriction does not hold
     * it, because telling the recipient about the subject's rights is what the restriction itself requires (Art. 19).
     */
    public GateResult filterRightsNotice(String destinationId, ObjectNode envelope) {
        return filter(destination(destinationId), resolvedActions.get(destinationId), envelope, false, true, false);
    }

    /**
     * The data subjects of a canonical envelope by {@link SubjectKeys}: the owner (customer number) and
     * {@code owner/person} for every person whose data it carries. Reads only; for finding messages about a subject.
     */
    public Set<String> subjectKeys(ObjectNode envelope) {
        TypePlan plan = plans.get(envelope.path("type").asText());
        return plan == null ? Set.of() : SubjectKeys.find(envelope.path("body"), plan.subjects()).all();
    }

    private DestinationPolicy destination(String destinationId) {
        return policy.destination(destinationId).orElseThrow(() -> new PrivacyGateException(
                "unknown destination '" + destinationId + "': add it to destinations.yml or fix the route"));
    }

    /**
     * What an operator of the hub may see of a message (a dead letter, a held message): every value of a personal
     * category masked whole (its length stays visible), non-personal values as they are, unclassified fields
     * dropped and reported. Nothing is disclosed and no hold applies: the view never leaves the hub's operators.
     */
    public GateResult operatorView(ObjectNode envelope) {
        return filter(operatorView, resolvedActions.get(OPERATOR_VIEW), envelope, false, false, false);
    }

    private static DestinationPolicy operatorViewDestination(Taxonomy taxonomy) {
        Map<String, Action> actions = new LinkedHashMap<>();
        taxonomy.categories().keySet().forEach(category -> actions.put(category,
                taxonomy.isPersonal(category) ? new Action(ActionType.MASK, 0) : Action.ALLOW));
        return new DestinationPolicy(OPERATOR_VIEW, DestinationPolicy.CONTROLLER, "hub-operations",
                "Art. 6(1)(f) GDPR (legitimate interest: operating the hub)", actions);
    }

    private GateResult filter(DestinationPolicy destination, Action[] actions, ObjectNode envelope, boolean explain,
                              boolean failClosed, boolean holdRestricted) {
        String type = envelope.path("type").asText();
        TypePlan plan = plans.get(type);
        if (plan == null) {
            throw new PrivacyGateException("no classification for message type '" + type + "': classify it in classification.yml");
        }
        JsonNode body = envelope.path("body");
        Set<String> subjects = new TreeSet<>();
        plan.subjects().forEach(path -> collect(body, path, 0, subjects));
        Set<String> names = new HashSet<>();
        plan.names().forEach(path -> collect(body, path, 0, names));
        boolean[] persons = new boolean[plan.parties().size()];
        for (int p = 0; p < persons.length; p++) {
            PartyPlan party = plan.parties().get(p);
            persons[p] = isPerson(body, party, destination);
            if (persons[p]) {
                party.names().forEach(path -> collect(body, path, 0, names));
            }
        }
        // who each value belongs to is read before the walk changes the ids (a hashed contact id is no key)
        SubjectKeys.Found keys = SubjectKeys.find(body, plan.subjects());
        Walk walk = new Walk(actions, persons, new RecordContext(names, keys.owners().isEmpty() ? subjects : keys.owners()),
                keys.persons(), explain);
        Iterator<Map.Entry<String, JsonNode>> fields = envelope.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (TECHNICAL_ENVELOPE_FIELDS.contains(name)) {
                continue;
            }
            JsonNode filtered = null;
            if ("key".equals(name)) {
                filtered = walk.apply(KEY_PATH, plan.keyCategory(), field.getValue());
            } else if ("body".equals(name) && field.getValue().isObject()) {
                filtered = walk.object((ObjectNode) field.getValue(), plan.tree(), FieldPath.ROOT);
            } else {
                walk.unclassified("$" + name);
            }
            replace(field, fields, filtered);
        }
        if (failClosed && walk.discloses()) {
            holdIfNotAllowed(destination, holdRestricted ? keys.all() : Set.of());
        }
        return walk.result(envelope, destination, subjects);
    }

    /**
     * Fail closed: personal data leaves only under a contract in force, with a transfer mechanism where needed, and
     * for subjects whose processing is not restricted. Otherwise the whole message is held, not filtered further.
     */
    private void holdIfNotAllowed(DestinationPolicy destination, Set<String> subjects) {
        if (!DestinationPolicy.CONTROLLER.equals(destination.processor())) {
            DataProcessor processor = policy.processor(destination.processor()).orElseThrow(() -> new MessageHeldException(
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

    /** Puts a field's filtered value in place of its value, or removes the field when nothing of it may leave. */
    private static void replace(Map.Entry<String, JsonNode> field, Iterator<Map.Entry<String, JsonNode>> fields, JsonNode filtered) {
        if (filtered == null) {
            fields.remove();
        } else if (filtered != field.getValue()) {
            field.setValue(filtered);
        }
    }

    /**
     * Fail closed: a party is an organization only when the message says so, or when its kind is unknown and the
     * destination's policy says to treat unknown parties as organizations; a person, or any other value, is a person.
     */
    private static boolean isPerson(JsonNode body, PartyPlan party, DestinationPolicy destination) {
        Set<String> kinds = new HashSet<>();
        if (party.kind() != null) {
            collect(body, party.kind(), 0, kinds);
        }
        if (kinds.equals(Set.of(ORGANIZATION))) {
            return false;
        }
        boolean unknown = kinds.isEmpty() || kinds.equals(Set.of(UNKNOWN));
        return !(unknown && destination.unknownParties() == DestinationPolicy.UnknownParties.ORGANIZATION);
    }

    private static void collect(JsonNode node, FieldSteps steps, int index, Set<String> out) {
        if (index == steps.names().length) {
            if (node.isValueNode() && !node.asText().isEmpty()) {
                out.add(node.asText());
            }
            return;
        }
        JsonNode next = node.path(steps.names()[index]);
        if (steps.arrays()[index]) {
            for (JsonNode element : next) {
                collect(element, steps, index + 1, out);
            }
        } else if (!next.isMissingNode()) {
            collect(next, steps, index + 1, out);
        }
    }

    /**
     * What filtering a type needs of its classification: the number of the key's category, the field tree, and the
     * paths of the subjects' identifiers and of the names the record carries.
     */
    private record TypePlan(int keyCategory, FieldTree tree, List<FieldSteps> subjects, List<FieldSteps> names,
                            List<PartyPlan> parties) {
    }

    /** A party of the type: where its kind is (null: never said) and which of its fields hold names when it is a person. */
    private record PartyPlan(FieldSteps kind, List<FieldSteps> names) {
    }

    /** State of one filtering pass. */
    private final class Walk {
        /** The record as the value at hand sees it: its subjects change inside an object holding a person's data. */
        private RecordContext record;
        /** The objects holding a person's data (a contact, a technician), with that person's subject keys. */
        private final Map<JsonNode, Set<String>> personKeys;
        private final Action[] actions;
        /** Per party of the type, whether it is treated as a natural person in this pass. */
        private final boolean[] persons;
        private final boolean explain;
        private final Map<String, FieldDecision> decisions = new LinkedHashMap<>();
        /** The action taken per category number, null for categories the message did not carry. */
        private final ActionType[] taken;
        private final Set<String> unclassified = new LinkedHashSet<>();

        Walk(Action[] actions, boolean[] persons, RecordContext record, Map<JsonNode, Set<String>> personKeys, boolean explain) {
            this.record = record;
            this.personKeys = personKeys;
            this.actions = actions;
            this.persons = persons;
            this.explain = explain;
            this.taken = new ActionType[actions.length];
        }

        GateResult result(ObjectNode filtered, DestinationPolicy destination, Set<String> subjects) {
            Map<String, ActionType> categoryActions = new HashMap<>();
            Set<String> sent = new TreeSet<>();
            Set<String> masked = new TreeSet<>();
            Set<String> dropped = new TreeSet<>();
            for (int i = 0; i < taken.length; i++) {
                ActionType type = taken[i];
                if (type != null) {
                    categoryActions.put(categories[i], type);
                    (type == ActionType.ALLOW ? sent : type == ActionType.DROP ? dropped : masked).add(categories[i]);
                }
            }
            if (!unclassified.isEmpty()) {
                categoryActions.put(FieldDecision.UNCLASSIFIED, ActionType.DROP);
            }
            return new GateResult(filtered, destination, List.copyOf(decisions.values()), sent, masked, dropped,
                    unclassified, subjects, categoryActions, policy.version());
        }

        ObjectNode object(ObjectNode node, FieldTree tree, FieldPath path) {
            RecordContext outer = record;
            Set<String> person = personKeys.get(node);
            if (person != null) {
                record = record.of(person);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                replace(field, fields, child(path.field(field.getKey()), field.getValue(), tree == null ? null : tree.child(field.getKey())));
            }
            record = outer;
            return node;
        }

        private JsonNode child(FieldPath path, JsonNode value, FieldTree tree) {
            if (tree != null && tree.category() >= 0) {
                int category = tree.category(persons);
                return tree.scanCategory() >= 0 && actions[category].type() != ActionType.DROP
                        ? scanned(path, category, tree.scanCategory(), value)
                        : apply(path, category, value);
            }
            if (value.isObject()) {
                return object((ObjectNode) value, tree, path);
            }
            if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                FieldPath elements = path.elements();
                FieldTree elementTree = tree == null ? null : tree.element();
                int kept = 0;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode filtered = child(elements, array.get(i), elementTree);
                    if (filtered != null) {
                        array.set(kept++, filtered);
                    }
                }
                while (array.size() > kept) {
                    array.remove(array.size() - 1);
                }
                return array;
            }
            unclassified(path.toString());
            return null;
        }

        /**
         * A free-form subtree: each text value the free-text finder flags is treated as the scan category (so the
         * destination's action for free text applies: scrubbed, dropped, ...), every other value as the path's own.
         * The decision per category shows in the disclosure record like any other.
         */
        private JsonNode scanned(FieldPath path, int category, int scanCategory, JsonNode value) {
            if (value.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    replace(field, fields, scanned(path.field(field.getKey()), category, scanCategory, field.getValue()));
                }
                return value;
            }
            if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                FieldPath elements = path.elements();
                int kept = 0;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode filtered = scanned(elements, category, scanCategory, array.get(i));
                    if (filtered != null) {
                        array.set(kept++, filtered);
                    }
                }
                while (array.size() > kept) {
                    array.remove(array.size() - 1);
                }
                return array;
            }
            boolean flagged = value.isTextual() && operators.findsPersonalData(value.asText(), record);
            return apply(path, flagged ? scanCategory : category, value);
        }

        JsonNode apply(FieldPath path, int category, JsonNode value) {
            Action action = actions[category];
            taken[category] = action.type(); // a category has one action per destination
            if (explain) {
                String text = path.toString();
                decisions.putIfAbsent(text, new FieldDecision(text, categories[category], action.type()));
            }
            return switch (action.type()) {
                case ALLOW -> value;
                case DROP -> null;
                default -> transform(value, action);
            };
        }

        private JsonNode transform(JsonNode value, Action action) {
            if (action.type() == ActionType.GENERALIZE && value.has("lat") && value.has("lon")) {
                return operators.apply(action, value, record, explain);
            }
            if (value.isObject()) {
                value.fields().forEachRemaining(f -> f.setValue(transform(f.getValue(), action)));
                return value;
            }
            if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, transform(array.get(i), action));
                }
                return array;
            }
            if (value.isNull()) {
                return value;
            }
            return operators.apply(action, value, record, explain);
        }

        /** True when a personal category is about to leave in any form. */
        boolean discloses() {
            for (int i = 0; i < taken.length; i++) {
                ActionType type = taken[i];
                if (type != null && type != ActionType.DROP && (type != ActionType.ALLOW || personal[i])) {
                    return true;
                }
            }
            return false;
        }

        void unclassified(String path) {
            unclassified.add(path);
            if (explain) {
                decisions.putIfAbsent(path, new FieldDecision(path, FieldDecision.UNCLASSIFIED, ActionType.DROP));
            }
        }
    }

}
