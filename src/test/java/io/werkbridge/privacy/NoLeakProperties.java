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
import java.math.BigInteger;
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
 * For generated customers and generated destination policies: no value of a category the destination does not
 * allow appears anywhere in what it receives, neither in its own field, nor in another field, nor inside free text.
 */
class NoLeakProperties {

    private static final PrivacyPolicy SHIPPED = PolicyFixtures.shipped();
    private static final List<String> PERSONAL = SHIPPED.taxonomy().categories().values().stream()
            .filter(DataCategory::personal).map(DataCategory::key).sorted().toList();
    private static final List<Action> CHOICES = List.of(Action.ALLOW, Action.DROP, new Action(ActionType.MASK, 3),
            new Action(ActionType.HASH, 0));
    private static final List<Action> FREE_TEXT_CHOICES = List.of(Action.DROP, new Action(ActionType.HASH, 0), new Action(ActionType.SCRUB, 0));

    /** One generated record: the JSON and, per category, the raw values it carries. */
    record Sample(ObjectNode envelope, Map<String, List<String>> valuesByCategory) {
    }

    @Property(tries = 300)
    void nothingNotAllowedLeaves(@ForAll("customers") Sample sample, @ForAll("policies") Map<String, Action> actions) {
        DataProcessor processor = new DataProcessor("generated", "Generated GmbH", "Weg 1", "DE", "test", new DataProcessor.Contract(
                "SAMPLE", true, null, null, "active"), "eu-eea", false, List.of("test"), List.of(PERSONAL.toArray(String[]::new)));
        DestinationPolicy destination = new DestinationPolicy("generated", "generated", "test", "test", actions);
        PrivacyPolicy policy = new PrivacyPolicy(SHIPPED.taxonomy(), SHIPPED.classification(), Map.of("generated", processor),
                Map.of("generated", destination), "generated");
        PrivacyGate gate = new PrivacyGate(policy, new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());

        String received = CanonicalJson.write(gate.filter("generated", sample.envelope()).filtered());

        sample.valuesByCategory().forEach((category, values) -> {
            if (destination.actionFor(category, policy.taxonomy()).type() != ActionType.ALLOW) {
                for (String value : values) {
                    assertThat(received).as("value of %s (action %s) must not appear", category,
                            destination.actionFor(category, policy.taxonomy()).type().id()).doesNotContain(value);
                }
            }
        });
    }

    @Provide
    Arbitrary<Map<String, Action>> policies() {
        return Arbitraries.integers().between(0, CHOICES.size() - 1).list().ofSize(PERSONAL.size()).map(picks -> {
            Map<String, Action> actions = new LinkedHashMap<>();
            for (int i = 0; i < PERSONAL.size(); i++) {
                String category = PERSONAL.get(i);
                actions.put(category, SHIPPED.taxonomy().isFreeText(category)
                        ? FREE_TEXT_CHOICES.get(picks.get(i) % FREE_TEXT_CHOICES.size()) : CHOICES.get(picks.get(i)));
            }
            return actions;
        });
    }

    @Provide
    Arbitrary<Sample> customers() {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofLength(8);
        Arbitrary<String> emails = Arbitraries.strings().withCharRange('a', 'z').ofLength(9).map(s -> "m" + s + "@example.com");
        Arbitrary<String> phones = Arbitraries.strings().numeric().ofLength(7).map(d -> "+49 521 " + d);
        Arbitrary<String> ibans = Arbitraries.strings().numeric().ofLength(18).map(NoLeakProperties::germanIban);
        Arbitrary<String> numbers = Arbitraries.integers().between(100_000, 999_999).map(n -> "CN" + n);
        return Combinators.combine(letters.map(s -> "Qf" + s), letters.map(s -> "Ql" + s), emails, phones, ibans, numbers,
                        letters.map(s -> "Qh" + s), letters.map(s -> "Qo" + s))
                .as((first, last, email, phone, iban, number, holder, other) -> sample(first, last, email, phone, iban, number, holder, other));
    }

    /** Each value has its own prefix, so no value contains another, even after shrinking. */
    private static Sample sample(String first, String last, String email, String phone, String iban, String number,
                                 String holder, String other) {
        String remarks = "Bitte " + first + " " + last + " anrufen: " + phone + ", Mail " + email + ", Konto " + iban
                + ", Teil DMU-50-3, Auftrag ORD-2026-000123 vom 2026-11-20";
        ObjectNode envelope = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"%s","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"customerNumber":"%s","company":{"name":"Synth AG","address":{"city":"Bielefeld","country":"DE"}},
                   "contacts":[{"id":"K%sid","title":"Dr. %st","firstName":"%s","lastName":"%s","email":"%s","phone":"%s",
                                "function":"Leitung %sf","businessAddress":{"street":"%sweg 1","city":"Bielefeld"}}],
                   "bankAccounts":[{"iban":"%s","holder":"%s"}],
                   "paymentTerms":"Zahlbar %sp","contract":{"number":"V-%sc"},"remarks":"%s"}}"""
                .formatted(number, number, other, other, first, last, email, phone, other, other, iban, holder, other, other, remarks));
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("status.customer-number", List.of(number));
        values.put("status.contact-id", List.of("K" + other + "id"));
        values.put("voluntary.title", List.of("Dr. " + other + "t"));
        values.put("master.name", List.of(first, last));
        values.put("communication.email", List.of(email));
        values.put("communication.phone", List.of(phone));
        values.put("status.function", List.of("Leitung " + other + "f"));
        values.put("master.business-address", List.of(other + "weg 1"));
        values.put("billing.bank-account", List.of(iban, holder));
        values.put("billing.payment-terms", List.of("Zahlbar " + other + "p"));
        values.put("contract", List.of("V-" + other + "c"));
        values.put("voluntary.remarks", List.of(remarks));
        return new Sample(envelope, values);
    }

    /** A German IBAN with valid mod-97 check digits around 18 generated digits. */
    private static String germanIban(String bban) {
        String rearranged = bban + "1314" + "00";
        int check = 98 - new BigInteger(rearranged).mod(BigInteger.valueOf(97)).intValue();
        return "DE" + (check < 10 ? "0" + check : String.valueOf(check)) + bban;
    }

}
