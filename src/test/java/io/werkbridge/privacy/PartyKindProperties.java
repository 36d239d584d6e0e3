package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.DataCategory;
import io.werkbridge.privacy.policy.DataProcessor;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any generated customer, invoice or order whose party is a natural person or of unknown kind: no name, VAT id or
 * address of that party reaches a destination whose policy masks, hashes or drops master data, however the policy
 * treats company data, whatever else it does; at the shipped destinations likewise, wherever they do not allow
 * master data. The real gate, the shipped taxonomy and classification.
 */
class PartyKindProperties {

    private static final PrivacyPolicy SHIPPED = PolicyFixtures.shipped();
    private static final List<String> PERSONAL = SHIPPED.taxonomy().categories().values().stream()
            .filter(DataCategory::personal).map(DataCategory::key).sorted().toList();
    private static final List<Action> CHOICES = List.of(Action.ALLOW, Action.DROP, new Action(ActionType.MASK, 3),
            new Action(ActionType.HASH, 0));
    private static final List<Action> NOT_ALLOW = List.of(Action.DROP, new Action(ActionType.MASK, 3), new Action(ActionType.HASH, 0),
            new Action(ActionType.MASK, 0));
    private static final List<Action> FREE_TEXT_CHOICES = List.of(Action.DROP, new Action(ActionType.HASH, 0), new Action(ActionType.SCRUB, 0));
    private static final List<String> MASTER = List.of("master", "master.name", "master.business-address", "master.tax-id");

    /** A generated record and the values of its party that must not leave. */
    record Sample(String description, ObjectNode envelope, List<String> partyValues, boolean person) {
    }

    @Property(tries = 400)
    void aPersonsNameAndAddressNeverReachADestinationThatDoesNotAllowMasterData(
            @ForAll("records") Sample sample, @ForAll("policies") Map<String, Action> actions, @ForAll boolean unknownAsOrganization) {
        // a destination may treat unknown parties as organizations; a party the source calls a person is one anyway
        DestinationPolicy.UnknownParties unknownParties = sample.person() && unknownAsOrganization
                ? DestinationPolicy.UnknownParties.ORGANIZATION : DestinationPolicy.UnknownParties.PERSON;
        DataProcessor processor = new DataProcessor("generated", "Generated GmbH", "Weg 1", "DE", "test", new DataProcessor.Contract(
                "SAMPLE", true, null, null, "active"), "eu-eea", false, List.of("test"), PERSONAL);
        DestinationPolicy destination = new DestinationPolicy("generated", "generated", "test", "test", actions, unknownParties);
        PrivacyPolicy policy = new PrivacyPolicy(SHIPPED.taxonomy(), SHIPPED.classification(), Map.of("generated", processor),
                Map.of("generated", destination), "generated");
        PrivacyGate gate = new PrivacyGate(policy, new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());

        String received = CanonicalJson.write(gate.filter("generated", sample.envelope().deepCopy()).filtered());

        for (String value : sample.partyValues()) {
            assertThat(received).as("%s: %s", sample.description(), value).doesNotContain(value);
        }
    }

    @Property(tries = 200)
    void theShippedDestinationsThatDoNotAllowMasterDataNeverReceiveAPersonsNameOrAddress(@ForAll("records") Sample sample) {
        PrivacyGate gate = new PrivacyGate(SHIPPED, new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());
        for (DestinationPolicy destination : SHIPPED.destinations().values()) {
            String received = CanonicalJson.write(gate.filter(destination.id(), sample.envelope().deepCopy()).filtered());
            for (String category : MASTER.subList(1, MASTER.size())) {
                if (destination.actionFor(category, SHIPPED.taxonomy()).type() != ActionType.ALLOW) {
                    sample.partyValues().stream().filter(v -> v.startsWith(prefix(category))).forEach(value ->
                            assertThat(received).as("%s at %s (%s)", sample.description(), destination.id(), category).doesNotContain(value));
                }
            }
        }
    }

    /** The prefix the generator gives the values of a category. */
    private static String prefix(String category) {
        return switch (category) {
            case "master.name" -> "Q";
            case "master.business-address" -> "S";
            default -> "DE";
        };
    }

    @Provide
    Arbitrary<Map<String, Action>> policies() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 99);
        return pick.list().ofSize(PERSONAL.size() + MASTER.size()).map(picks -> {
            Map<String, Action> actions = new LinkedHashMap<>();
            for (int i = 0; i < PERSONAL.size(); i++) {
                String category = PERSONAL.get(i);
                actions.put(category, SHIPPED.taxonomy().isFreeText(category)
                        ? FREE_TEXT_CHOICES.get(picks.get(i) % FREE_TEXT_CHOICES.size()) : CHOICES.get(picks.get(i) % CHOICES.size()));
            }
            // master data masked, hashed or dropped, each sub-category its own way; company data allowed: the worst case
            for (int i = 0; i < MASTER.size(); i++) {
                actions.put(MASTER.get(i), NOT_ALLOW.get(picks.get(PERSONAL.size() + i) % NOT_ALLOW.size()));
            }
            actions.put("company", Action.ALLOW);
            return actions;
        });
    }

    @Provide
    Arbitrary<Sample> records() {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofLength(8);
        Arbitrary<String> kinds = Arbitraries.of("person", "unknown", "", "none-given");
        Arbitrary<String> types = Arbitraries.of("customer", "invoice", "order");
        Arbitrary<String> vatIds = Arbitraries.strings().numeric().ofLength(9).map(d -> "DE" + d);
        return Combinators.combine(types, kinds, letters.map(s -> "Qf" + s), letters.map(s -> "Ql" + s),
                        letters.map(s -> "Sw" + s), letters.map(s -> "Sc" + s), vatIds)
                .as(PartyKindProperties::sample);
    }

    private static Sample sample(String type, String kind, String first, String last, String street, String city, String vatId) {
        String kindField = kind.equals("none-given") ? "" : "\"kind\":\"" + kind + "\",";
        String address = "{\"street\":\"%s 7\",\"postalCode\":\"33602\",\"city\":\"%s\",\"country\":\"DE\"}".formatted(street, city);
        String name = first + " " + last;
        String body = switch (type) {
            case "customer" -> """
                    {"customerNumber":"100777","company":{%s"name":"%s","vatId":"%s","address":%s},
                     "remarks":"Bitte %s zurückrufen wegen Teil DMU-50-3"}""".formatted(kindField, name, vatId, address, name);
            case "invoice" -> """
                    {"invoiceNumber":"RE-1","customerNumber":"100777","billTo":{%s"company":"%s","address":%s}}"""
                    .formatted(kindField, name, address);
            default -> """
                    {"orderNumber":"SO-1","customerNumber":"100777","shippingAddress":%s}""".formatted(address);
        };
        ObjectNode envelope = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"%s","key":"K-1","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp","body":%s}""".formatted(type, body));
        List<String> values = switch (type) {
            case "customer" -> List.of(first, last, street, city, vatId);
            case "invoice" -> List.of(first, last, street, city);
            default -> List.of(street, city);
        };
        // an order never says its party's kind (classification.yml): it is always unknown, whatever the generator drew
        boolean person = kind.equals("person") && !type.equals("order");
        return new Sample(type + " of kind " + (type.equals("order") ? "unknown" : kind), envelope, values, person);
    }
}
