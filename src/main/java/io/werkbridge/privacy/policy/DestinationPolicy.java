package io.werkbridge.privacy.policy;

import java.util.Map;

/**
 * A system the hub sends to, bound to one processor (or {@code controller} for the controller's own systems), one
 * purpose and one legal basis, with an action per category. A category without an action of its own takes its
 * nearest ancestor's; with none at all, personal categories are dropped and non-personal ones allowed.
 */
public record DestinationPolicy(String id, String processor, String purpose, String legalBasis, Map<String, Action> actions) {

    public static final String CONTROLLER = "controller";

    public DestinationPolicy {
        actions = Map.copyOf(actions);
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
