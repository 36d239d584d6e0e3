package io.werkbridge.machine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule for values a machine itself declares to be about a person (an MTConnect data item of type USER, an OPC UA
 * node of a companion specification's user type, ...): such a value may only become the event's operator, whose
 * fields the classification files under {@code personnel.*}, so each destination's policy for personnel data applies
 * to it. Mapped into {@code values} or any other field it would travel as machine state, which every destination
 * receives; a machine file that does so is refused. A personal value no rule maps is left out like every unmapped
 * value (counted, never read further, never logged).
 */
public final class PersonalSources {

    /** The event fields the classification files as personnel data. */
    public static final Set<MappingRule.Field> PERSONAL_TARGETS = EnumSet.of(MappingRule.Field.OPERATOR_ID,
            MappingRule.Field.OPERATOR_NAME);

    private PersonalSources() {
    }

    /**
     * The refusals for a machine's mapping, one per mapped personal source, each naming the machine, the source, the
     * target and why the machine's metadata makes the source personal; empty when the mapping keeps the rule.
     *
     * @param personal source name → the metadata that makes it personal (e.g. {@code type USER, subType SET_UP})
     * @param metadata where that metadata comes from, e.g. {@code the agent's /probe}
     */
    public static List<String> refusals(MachineDefinition machine, Map<String, String> personal, String metadata) {
        List<String> problems = new ArrayList<>();
        for (MappingRule rule : machine.mapping()) {
            String why = personal.get(rule.source());
            if (why != null && !PERSONAL_TARGETS.contains(rule.field())) {
                problems.add(machine.file() + ": machine '" + machine.id() + "': mapping of '" + rule.source() + "' to "
                        + target(rule) + " refused: " + metadata + " declares it personal (" + why + "); a personal"
                        + " value may only be mapped to operator.id or operator.name");
            }
        }
        return problems;
    }

    private static String target(MappingRule rule) {
        return rule.field() != null ? rule.field().path() : "values." + rule.value() + " (kind " + rule.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
