package io.werkbridge.privacy.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the schemas cannot say: every category a file names is in the taxonomy, taxonomy and classification agree on
 * what is personal ({@link PersonalDataCheck}), no destination receives more than its processor's contract allows,
 * and each processor's transfer mechanism fits its country ({@link TransferCountries}).
 */
final class PolicyValidator {

    /** Actions that let the words of a free text through. */
    private static final Set<ActionType> RAW_TEXT = Set.of(ActionType.ALLOW, ActionType.MASK, ActionType.TRUNCATE_IP, ActionType.GENERALIZE);

    private PolicyValidator() {
    }

    static void check(Taxonomy taxonomy, Map<String, TypeClassification> classification,
                      Map<String, DataProcessor> processors, Map<String, DestinationPolicy> destinations, List<String> problems) {
        new TreeMap<>(taxonomy.categories()).values().stream()
                .filter(c -> c.parentKey() != null && !taxonomy.contains(c.parentKey()))
                .forEach(c -> problems.add(PolicyLoader.TAXONOMY + ": category '" + c.key() + "' has no parent category '" + c.parentKey() + "'"));
        classification.forEach((type, c) -> {
            String where = PolicyLoader.CLASSIFICATION + ": type '" + type + "'";
            requireCategory(taxonomy, c.keyCategory(), where + " key", problems);
            new TreeMap<>(c.fields()).forEach((field, category) -> requireCategory(taxonomy, category, where + " field '" + field + "'", problems));
        });
        processors.values().forEach(p -> p.categories().forEach(category ->
                requireCategory(taxonomy, category, PolicyLoader.PROCESSORS + ": processor '" + p.id() + "' categories", problems)));
        destinations.values().forEach(d -> new TreeSet<>(d.actions().keySet()).forEach(category ->
                requireCategory(taxonomy, category, PolicyLoader.DESTINATIONS + ": destination '" + d.id() + "' action", problems)));
        PersonalDataCheck.check(taxonomy, classification, problems);
        checkDestinationsAgainstContracts(taxonomy, processors, destinations, problems);
        new TreeMap<>(processors).values().forEach(p -> TransferCountries.mismatch(p).ifPresent(why ->
                problems.add(PolicyLoader.PROCESSORS + ": processor '" + p.id() + "' (country " + p.country() + ") " + why)));
    }

    private static void requireCategory(Taxonomy taxonomy, String category, String where, List<String> problems) {
        if (!taxonomy.contains(category)) {
            problems.add(where + ": unknown category '" + category + "' (not in " + PolicyLoader.TAXONOMY + ")");
        }
    }

    private static void checkDestinationsAgainstContracts(Taxonomy taxonomy, Map<String, DataProcessor> processors,
                                                          Map<String, DestinationPolicy> destinations, List<String> problems) {
        destinations.values().forEach(d -> {
            String where = PolicyLoader.DESTINATIONS + ": destination '" + d.id() + "'";
            taxonomy.categories().keySet().stream()
                    .filter(category -> !taxonomy.isFreeText(category))
                    .filter(category -> d.actionFor(category, taxonomy).type() == ActionType.SCRUB)
                    .sorted()
                    .forEach(category -> problems.add(where + ": category '" + category
                            + "' is not free text, so scrub would pass its values unchanged; use mask, hash, tokenize or drop"));
            taxonomy.categories().keySet().stream()
                    .filter(taxonomy::isContent)
                    .filter(category -> !Set.of(ActionType.ALLOW, ActionType.DROP).contains(d.actionFor(category, taxonomy).type()))
                    .sorted()
                    .forEach(category -> problems.add(where + ": category '" + category + "' is opaque content (a photo or video), "
                            + "which the hub never inspects: allow or drop it, not " + d.actionFor(category, taxonomy).type().id()));
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
