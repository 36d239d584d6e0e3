package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.node.TextNode;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import java.util.Set;

/** Calls the package-private operator dispatch the way the gate does. */
public final class ValueOperatorsAccess {

    private ValueOperatorsAccess() {
    }

    public static String truncate(ValueOperators operators, String ip) {
        return operators.apply(new Action(ActionType.TRUNCATE_IP, 0), TextNode.valueOf(ip), new RecordContext(Set.of(), Set.of())).asText();
    }
}
