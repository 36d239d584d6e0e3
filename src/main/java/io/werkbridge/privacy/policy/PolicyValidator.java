package io.werkbridge.privacy.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the schemas cannot say: every category a file names is in the taxonomy, taxonomy and classification agree on
 * what is personal ({@link PersonalDataCheck}), a party's fields are personal when the party is a person, no
 * destination receives more than its processor's contract allows, and each processor's transfer mechanism fits its
 * country ({@link TransferCountries}).
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
            checkParties(taxonomy, c, where, problems);
            new TreeMap<>(c.scan()).forEach((field, category) -> {
                if (!c.fields().containsKey(field)) {
                    problems.add(where + " scan '" + field + "': not a classified field of the type (scan names a path of fields)");
                }
                if (!taxonomy.contains(category)) {
                    requireCategory(taxonomy, category, where + " scan '" + field + "'", problems);
                } else if (!taxonomy.isPersonal(category) || !taxonomy.isFreeText(category)) {
                    problems.add(where + " scan '" + field + "': category '" + category + "' must be personal free text,"
                            + " as what the finder flags is personal data inside free text");
                }
            });
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

    /**
     * A party that may be a natural person must not let any of its fields leave as non-personal: every classified
     * field of the party object, its kind aside, is personal already or has a personal category in {@code asPerson}.
     */
    private static void checkParties(Taxonomy taxonomy, TypeClassification c, String where, List<String> problems) {
        Set<String> claimed = new TreeSet<>();
        for (TypeClassification.Party party : c.parties()) {
            String at = where + " party '" + party.object() + "'";
            if (c.fields().keySet().stream().noneMatch(party::covers)) {
                problems.add(at + ": no field of the type lies in the party object");
                continue;
            }
            if (party.kind() != null && (!party.covers(party.kind()) || party.kind().equals(party.object()))) {
                problems.add(at + ": kind field '" + party.kind() + "' is not a field of the party object");
            } else if (party.kind() != null && !c.fields().containsKey(party.kind())) {
                problems.add(at + ": kind field '" + party.kind() + "' is not classified in fields");
            }
            new TreeMap<>(party.asPerson()).forEach((field, category) -> {
                if (!party.covers(field) || !c.fields().containsKey(field)) {
                    problems.add(at + " asPerson '" + field + "': not a classified field of the party object");
                } else if (!claimed.add(field)) {
                    problems.add(at + " asPerson '" + field + "': already a field of another party");
                }
                if (!taxonomy.contains(category)) {
                    requireCategory(taxonomy, category, at + " asPerson '" + field + "'", problems);
                } else if (!taxonomy.isPersonal(category)) {
                    problems.add(at + " asPerson '" + field + "': category '" + category
                            + "' is not personal, but a person's field is personal data");
                }
            });
            new TreeMap<>(c.fields()).forEach((field, category) -> {
                if (party.covers(field) && !field.equals(party.kind()) && !party.asPerson().containsKey(field)
                        && taxonomy.contains(category) && !taxonomy.isPersonal(category)) {
                    problems.add(at + " field '" + field + "': category '" + category
                            + "' is not personal; give the field a personal category in asPerson for when the party is a person");
                }
            });
        }
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
            if (processor.noHubFlow() != null) {
                problems.add(where + ": processor '" + processor.id() + "' is declared as receiving nothing from the hub "
                        + "(noHubFlow); bind the destination to another processor or remove noHubFlow");
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
