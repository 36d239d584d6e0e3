package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.privacy.gate.GateResult;
import io.werkbridge.privacy.gate.MessageHeldException;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cause that must stop personal data from leaving holds the message, with a reason that names no value. */
class FailClosedTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static ObjectNode customer() {
        return FailClosedTestData.customer();
    }

    private PrivacyGate gate(PrivacyPolicy policy, SubjectRestrictions restrictions, Clock clock) {
        return new PrivacyGate(policy, new ValueOperators(PolicyFixtures.TEST_KEY), restrictions, clock);
    }

    @Test
    void contractInForceLetsDataThrough() {
        assertThat(gate(PolicyFixtures.shipped(), SubjectRestrictions.NONE, NOW).filter("shop", customer()).sent())
                .contains("master.name");
    }

    @Test
    void expiredContractHolds() {
        Clock later = Clock.fixed(Instant.parse("2029-01-02T00:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> gate(PolicyFixtures.shipped(), SubjectRestrictions.NONE, later).filter("shop", customer()))
                .isInstanceOf(MessageHeldException.class)
                .hasMessage("the contract of processor 'gab-exactlyit' expired on 2028-12-31");
    }

    @Test
    void suspendedContractHolds() {
        PrivacyPolicy policy = PolicyFixtures.load(PolicyFixtures.copyWith(dir, "processors.yml",
                text -> text.replace("SAMPLE-DPA-GAB-001, sample: true, validFrom: 2024-01-01, validTo: 2028-12-31, status: active",
                        "SAMPLE-DPA-GAB-001, sample: true, validFrom: 2024-01-01, validTo: 2028-12-31, status: suspended")));
        assertThatThrownBy(() -> gate(policy, SubjectRestrictions.NONE, NOW).filter("shop", customer()))
                .isInstanceOf(MessageHeldException.class).hasMessageContaining("is suspended, not active");
    }

    @Test
    void thirdCountryWithoutTransferMechanismHolds() {
        PrivacyPolicy policy = PolicyFixtures.load(PolicyFixtures.copyWith(dir, "processors.yml",
                text -> text.replace("    country: DE\n    role: central user management", "    country: US\n    role: central user management")
                        .replace("status: active}\n    transferMechanism: eu-eea\n    purposes: [online-shop",
                                "status: active}\n    transferMechanism: none\n    purposes: [online-shop")));
        assertThatThrownBy(() -> gate(policy, SubjectRestrictions.NONE, NOW).filter("shop", customer()))
                .isInstanceOf(MessageHeldException.class).hasMessageContaining("third country (US) without a transfer mechanism");
    }

    @Test
    void restrictedOrObjectingSubjectHolds() {
        // the gate asks by subject key: customer/contact for a contact of the customer
        SubjectRestrictions objecting = (subjects, purpose) -> subjects.contains("100234/K-1") && purpose.equals("online-shop")
                ? Optional.of("a data subject of this message has an active objection for purpose 'online-shop'") : Optional.empty();
        PrivacyGate gate = gate(PolicyFixtures.shipped(), objecting, NOW);
        assertThatThrownBy(() -> gate.filter("shop", customer()))
                .isInstanceOf(MessageHeldException.class)
                .satisfies(e -> assertThat(((MessageHeldException) e).destination()).isEqualTo("shop"))
                .hasMessageNotContaining("K-1").hasMessageNotContaining("100234");
        assertThat(gate.filter("portal", customer()).sent()).contains("master.name");
    }

    @Test
    void messageWithoutPersonalDataForTheDestinationIsNotHeld() {
        Clock later = Clock.fixed(Instant.parse("2029-01-02T00:00:00Z"), ZoneOffset.UTC);
        GateResult maps = gate(PolicyFixtures.shipped(), SubjectRestrictions.NONE, later).filter("maps", customer());
        assertThat(maps.filtered().path("body").path("contacts").get(0).isEmpty()).isTrue();
    }
}
