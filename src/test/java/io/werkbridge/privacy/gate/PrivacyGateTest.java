package io.werkbridge.privacy.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import org.junit.jupiter.api.Test;

class PrivacyGateTest {

    private final PrivacyGate gate = PolicyFixtures.gate();

    private static ObjectNode customer() {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"100234","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
                 "body":{"customerNumber":"100234",
                   "company":{"kind":"organization","name":"Synth AG","vatId":"DE999999999","address":{"street":"Weg 1","postalCode":"33602","city":"Bielefeld","country":"DE"}},
                   "contacts":[{"id":"K-1","title":"Dr.","firstName":"Max","lastName":"Beispiel","email":"max@example.com","phone":"+49 521 5551234"},
                               {"id":"K-2","firstName":"Eva","lastName":"Probe"}],
                   "bankAccounts":[{"iban":"DE89370400440532013000","holder":"Synth AG"}],
                   "paymentTerms":"30 Tage","remarks":"Herr Beispiel bittet um Rückruf unter 0521 5551234, Teil DMU-50-3 am 2026-11-20","shoeSize":44}}""");
    }

    @Test
    void allowKeepsMaskKeepsLastCharactersHashIsKeyedAndStableDropRemoves() {
        GateResult shop = gate.filter("shop", customer());
        JsonNode contact = shop.filtered().path("body").path("contacts").get(0);
        assertThat(contact.path("email").asText()).isEqualTo("max@example.com");
        assertThat(contact.path("phone").asText()).isEqualTo("***********1234");
        assertThat(contact.path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(gate.filter("shop", customer()).filtered().path("body").path("contacts").get(0).path("id"))
                .isEqualTo(contact.path("id"));
        PrivacyGate otherKey = new PrivacyGate(PolicyFixtures.shipped(),
                new ValueOperators("another-key-0123456789abcdef0123456789".getBytes()));
        assertThat(otherKey.filter("shop", customer()).filtered().path("body").path("contacts").get(0).path("id"))
                .isNotEqualTo(contact.path("id"));
        assertThat(contact.has("title")).isFalse();
        assertThat(shop.filtered().path("body").has("bankAccounts")).isFalse();
        assertThat(shop.filtered().path("body").has("remarks")).isFalse();
        assertThat(shop.sent()).contains("master.name", "communication.email", "company.name");
        assertThat(shop.masked()).containsExactlyInAnyOrder("communication.phone", "status.contact-id");
        assertThat(shop.dropped()).contains("billing.bank-account", "voluntary.remarks", "voluntary.title");
    }

    @Test
    void filtersTheHandedOverTreeInPlaceLeavingNothingOfDroppedFieldsInIt() {
        ObjectNode envelope = customer();

        GateResult shop = gate.filter("shop", envelope);

        assertThat(shop.filtered()).isSameAs(envelope);
        assertThat(CanonicalJson.write(envelope)).doesNotContain("DE89370400440532013000", "Dr.", "Rückruf", "shoeSize",
                "5551234\"").contains("max@example.com");
    }

    @Test
    void explainFiltersACopyAndLeavesTheCallersTreeAsItWas() {
        ObjectNode envelope = customer();

        GateResult explained = gate.explain("shop", envelope);

        assertThat(envelope).isEqualTo(customer());
        assertThat(explained.filtered()).isNotSameAs(envelope);
        assertThat(explained.filtered().path("body").has("bankAccounts")).isFalse();
        assertThat(explained.filtered().path("body").path("contacts").get(0).path("phone").asText()).isEqualTo("***********1234");
        assertThat(envelope.path("body").path("contacts").get(0).path("phone").asText()).isEqualTo("+49 521 5551234");
    }

    @Test
    void unclassifiedFieldsAreDroppedAndReported() {
        GateResult portal = gate.explain("portal", customer());
        assertThat(portal.filtered().path("body").has("shoeSize")).isFalse();
        assertThat(portal.unclassified()).containsExactly("shoeSize");
        assertThat(portal.decisions()).contains(new FieldDecision("shoeSize", FieldDecision.UNCLASSIFIED, ActionType.DROP));
    }

    @Test
    void explainListsADecisionPerPathWhileDeliveryFilteringSkipsThem() {
        GateResult explained = gate.explain("shop", customer());
        assertThat(explained.decisions()).contains(
                new FieldDecision("contacts[].phone", "communication.phone", ActionType.MASK),
                new FieldDecision("bankAccounts", "billing.bank-account", ActionType.DROP),
                new FieldDecision("$key", "status.customer-number", ActionType.ALLOW));
        GateResult delivered = gate.filter("shop", customer());
        assertThat(delivered.decisions()).isEmpty();
        assertThat(delivered.filtered()).isEqualTo(explained.filtered());
    }

    @Test
    void categoryWithoutActionTakesItsAncestorsOrIsDroppedWhenPersonal() {
        PrivacyPolicy policy = PolicyFixtures.shipped();
        DestinationPolicy portal = policy.destination("portal").orElseThrow();
        assertThat(portal.actionFor("master.name", policy.taxonomy())).isEqualTo(Action.ALLOW);
        assertThat(portal.actionFor("voluntary.remarks", policy.taxonomy())).isEqualTo(new Action(ActionType.SCRUB, 0));
        DestinationPolicy shop = policy.destination("shop").orElseThrow();
        assertThat(shop.actionFor("voluntary.remarks", policy.taxonomy())).isEqualTo(Action.DROP);
        DestinationPolicy maps = policy.destination("maps").orElseThrow();
        assertThat(maps.actionFor("machine.state", policy.taxonomy())).as("inherits machine: drop").isEqualTo(Action.DROP);
        assertThat(maps.actionFor("machine.number", policy.taxonomy())).isEqualTo(Action.ALLOW);
        assertThat(maps.actionFor("access.ip", policy.taxonomy())).isEqualTo(Action.DROP);
    }

    @Test
    void maskedIbanKeepsOnlyItsLastFourCharacters() {
        GateResult portal = gate.filter("portal", customer());
        assertThat(portal.filtered().path("body").path("bankAccounts").get(0).path("iban").asText()).isEqualTo("******************3000");
        assertThat(portal.filtered().path("body").path("bankAccounts").get(0).path("holder").asText()).isEqualTo("****h AG");
    }

    @Test
    void scrubReplacesPersonalDataInFreeTextButKeepsTechnicalStrings() {
        GateResult portal = gate.filter("portal", customer());
        assertThat(portal.filtered().path("body").path("remarks").asText())
                .isEqualTo("Herr [name] bittet um Rückruf unter [phone], Teil DMU-50-3 am 2026-11-20");
        assertThat(portal.masked()).contains("voluntary.remarks");
    }

    @Test
    void generalizeCoarsensLocationsAndTruncateIpKeepsTheNetwork() {
        ObjectNode event = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6e","type":"machine-event","key":"M-77","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"opcua",
                 "body":{"machineNumber":"M-77","timestamp":"2026-11-20T10:15:00Z","kind":"status",
                         "operator":{"id":"OP-5","name":"Max Beispiel"},"location":{"lat":52.02191,"lon":8.53112}}}""");
        JsonNode portal = gate.filter("portal", event).filtered().path("body");
        assertThat(portal.path("location").path("lat").asDouble()).isEqualTo(52.0);
        assertThat(portal.path("location").path("lon").asDouble()).isEqualTo(8.5);
        assertThat(portal.path("operator").path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(ValueOperatorsAccess.truncate(new ValueOperators(PolicyFixtures.TEST_KEY), "203.0.113.77")).isEqualTo("203.0.113.0");
    }

    @Test
    void tokenizeSendsAShapePreservingTokenFromTheVault() {
        java.util.Map<String, String> issued = new java.util.HashMap<>();
        io.werkbridge.privacy.vault.Pseudonymizer inMemory = new io.werkbridge.privacy.vault.Pseudonymizer() {
            @Override
            public String tokenize(String value, io.werkbridge.privacy.operator.TokenShapes.Shape shape, java.util.Set<String> subjects) {
                // a contact's e-mail belongs to that contact alone (customer/contact), not to every subject of the record
                assertThat(subjects).hasSize(1).allSatisfy(subject -> assertThat(subject).matches("100234/K-[12]"));
                return issued.computeIfAbsent(value, v -> new io.werkbridge.privacy.operator.TokenShapes().token(v, shape));
            }

            @Override
            public java.util.Optional<String> detokenize(String token) {
                return java.util.Optional.empty();
            }

            @Override
            public int forgetSubject(String subjectRef) {
                return 0;
            }
        };
        PrivacyGate withVault = new PrivacyGate(PolicyFixtures.shipped(), new ValueOperators(PolicyFixtures.TEST_KEY, inMemory));
        String token = withVault.filter("app", customer()).filtered().path("body").path("contacts").get(0).path("email").asText();
        assertThat(token).endsWith("@token.invalid").isNotEqualTo("max@example.com");
        assertThat(withVault.filter("app", customer()).filtered().path("body").path("contacts").get(0).path("email").asText()).isEqualTo(token);
        assertThatThrownBy(() -> gate.filter("app", customer())).hasMessageContaining("needs the pseudonym vault");
    }

    @Test
    void subjectsAreTakenFromTheConfiguredPaths() {
        assertThat(gate.filter("shop", customer()).subjectRefs()).containsExactlyInAnyOrder("100234", "K-1", "K-2");
    }

    @Test
    void unknownDestinationOrTypeIsRefusedWithoutEchoingValues() {
        assertThatThrownBy(() -> gate.filter("nowhere", customer()))
                .isInstanceOf(PrivacyGateException.class).hasMessageContaining("unknown destination 'nowhere'");
        ObjectNode odd = customer().put("type", "recipe");
        assertThatThrownBy(() -> gate.filter("shop", odd))
                .isInstanceOf(PrivacyGateException.class).hasMessageContaining("'recipe'").hasMessageNotContaining("Max");
    }

    @Test
    void maskCountsCodePointsAndNeverRevealsShortValues() {
        assertThat(ValueOperators.mask("Müller", 2)).isEqualTo("****er");
        assertThat(ValueOperators.mask("ab", 4)).isEqualTo("**");
        assertThat(ValueOperators.mask("x\uD83D\uDE00yz", 1)).isEqualTo("***z");
    }
}
