package io.werkbridge.privacy.policy;

import java.util.Map;

/**
 * A system the hub sends to, bound to one processor (or {@code controller} for the controller's own systems), one
 * purpose and one legal basis, with an action per category. A category without an action of its own takes its
 * nearest ancestor's; with none at all, personal categories are dropped and non-personal ones allowed.
 *
 * @param unknownParties how a party whose kind the source did not say is treated at this destination: as a person
 *                       (the default: fail closed) unless the destination says {@code organization}
 */
public record DestinationPolicy(String id, String processor, String purpose, String legalBasis, Map<String, Action> actions,
                                UnknownParties unknownParties) {

    public static final String CONTROLLER = "controller";

    public DestinationPolicy {
        actions = Map.copyOf(actions);
        unknownParties = unknownParties == null ? UnknownParties.PERSON : unknownParties;
    }

    public DestinationPolicy(String id, String processor, String purpose, String legalBasis, Map<String, Action> actions) {
        this(id, processor, purpose, legalBasis, actions, UnknownParties.PERSON);
    }

    /** How a party of unknown kind is treated; {@code person} unless a destination's policy says otherwise. */
    public enum UnknownParties {
        PERSON, ORGANIZATION
    }

    public Action actionFor(String category, Taxonomy taxonomy) {
        for (String key = category; key != null; key = parent(key)) {
            Action action = actions.get(key);
            if (action != null) {
                return action;
            }
        }
        return taxonomy.isPersonal(category) ? Action.DROP : Action.ALLOW;
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }
}
