package io.werkbridge.privacy.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cross-file checks: no destination may receive more than its processor's contract allows. */
final class PolicyValidator {

    /** Actions that let the words of a free text through. */
    private static final Set<ActionType> RAW_TEXT = Set.of(ActionType.ALLOW, ActionType.MASK, ActionType.TRUNCATE_IP, ActionType.GENERALIZE);

    private PolicyValidator() {
    }

    static void checkDestinationsAgainstContracts(Taxonomy taxonomy, Map<String, DataProcessor> processors,
                                                  Map<String, DestinationPolicy> destinations, List<String> problems) {
        destinations.values().forEach(d -> {
            String where = PolicyLoader.DESTINATIONS + ": destination '" + d.id() + "'";
            taxonomy.categories().keySet().stream()
                    .filter(category -> !taxonomy.isFreeText(category))
                    .filter(category -> d.actionFor(category, taxonomy).type() == ActionType.SCRUB)
                    .sorted()
                    .forEach(category -> problems.add(where + ": category '" + category
                            + "' is not free text, so scrub would pass its values unchanged; use mask, hash, tokenize or drop"));
            if (DestinationPolicy.CONTROLLER.equals(d.processor())) {
                return;
            }
            DataProcessor processor = processors.get(d.processor());
            if (processor == null) {
                problems.add(where + ": processor '" + d.processor() + "' is not in " + PolicyLoader.PROCESSORS);
                return;
            }
            if (!processor.purposes().contains(d.purpose())) {
                problems.add(where + ": purpose '" + d.purpose() + "' is not among the purposes of processor '"
                        + processor.id() + "'s contract");
            }
            taxonomy.categories().keySet().stream()
                    .filter(taxonomy::isFreeText)
                    .filter(category -> RAW_TEXT.contains(d.actionFor(category, taxonomy).type()))
                    .sorted()
                    .forEach(category -> problems.add(where + ": free-text category '" + category + "' would leave as "
                            + d.actionFor(category, taxonomy).type().id() + "; a processor may receive free text only scrubbed, hashed, tokenized or not at all"));
            taxonomy.categories().keySet().stream()
                    .filter(taxonomy::isPersonal)
                    .filter(category -> d.actionFor(category, taxonomy).type().discloses())
                    .filter(category -> !processor.covers(category))
                    .sorted()
                    .forEach(category -> problems.add(where + ": category '" + category + "' is allowed, but the contract of processor '"
                            + processor.id() + "' does not cover it"));
        });
    }
}
