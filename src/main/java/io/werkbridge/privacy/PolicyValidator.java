package io.werkbridge.privacy;

import java.util.List;
import java.util.Map;

/** Cross-file checks: no destination may receive more than its processor's contract allows. */
final class PolicyValidator {

    private PolicyValidator() {
    }

    static void checkDestinationsAgainstContracts(Taxonomy taxonomy, Map<String, Processor> processors,
                                                  Map<String, Destination> destinations, List<String> problems) {
        destinations.values().forEach(d -> {
            String where = PolicyLoader.DESTINATIONS + ": destination '" + d.id() + "'";
            if (Destination.CONTROLLER.equals(d.processor())) {
                return;
            }
            Processor processor = processors.get(d.processor());
            if (processor == null) {
                problems.add(where + ": processor '" + d.processor() + "' is not in " + PolicyLoader.PROCESSORS);
                return;
            }
            if (!processor.purposes().contains(d.purpose())) {
                problems.add(where + ": purpose '" + d.purpose() + "' is not among the purposes of processor '"
                        + processor.id() + "'s contract");
            }
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
