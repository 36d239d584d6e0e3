package io.werkbridge.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.PolicyFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shippedPolicyLoadsWithEveryProcessorOfTheRegister() {
        PrivacyPolicy policy = PolicyFixtures.shipped();
        assertThat(policy.processors()).containsOnlyKeys("werkbliq", "hybrid-heroes", "gose-consulting", "diplexa",
                "gab-exactlyit", "microsoft-azure", "dynatrace", "google-maps", "userlane");
        assertThat(policy.processors().values()).allSatisfy(p -> assertThat(p.contract().sample()).isTrue());
        assertThat(policy.destinations()).containsKeys("shop", "portal", "app", "erp", "monitoring", "maps", "user-tours");
        assertThat(policy.version()).hasSize(16);
    }

    @Test
    void destinationAllowingMoreThanItsContractIsRejectedNamingFileDestinationAndCategory() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("      billing.payment-terms: allow\n  portal:", "      billing.bank-account: allow\n  portal:"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("destinations.yml: destination 'shop': category 'billing.bank-account' is allowed, but the contract of processor 'gab-exactlyit' does not cover it");
    }

    @Test
    void unknownCategoryIsRejected() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("      company: allow\n      status.customer-number: allow\n      status.contact-id: hash",
                        "      company: allow\n      shoe-size: allow\n      status.customer-number: allow\n      status.contact-id: hash"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("destinations.yml: destination 'shop' action: unknown category 'shoe-size'");
    }

    @Test
    void unknownActionIsRejected() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("communication.email: allow\n      communication.phone", "communication.email: shout\n      communication.phone"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("destinations.yml: destination 'shop' category 'communication.email': unknown action 'shout'");
    }

    @Test
    void unknownCategoryInClassificationIsRejected() {
        String location = PolicyFixtures.copyWith(dir, "classification.yml",
                text -> text.replace("remarks: voluntary.remarks", "remarks: voluntary.gossip"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("classification.yml: type 'customer' field 'remarks': unknown category 'voluntary.gossip'");
    }

    @Test
    void malformedFileIsRejectedWithItsName() {
        String location = PolicyFixtures.copyWith(dir, "taxonomy.yml", text -> "categories: [unclosed");
        assertThatThrownBy(() -> PolicyFixtures.load(location)).hasMessageContaining("taxonomy.yml");
    }

    @Test
    void purposeOutsideTheContractIsRejected() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("purpose: online-shop", "purpose: advertising"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("destination 'shop': purpose 'advertising' is not among the purposes");
    }

    @Test
    void freeTextMayReachAProcessorOnlyScrubbedHashedTokenizedOrNotAtAll() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("      voluntary.remarks: scrub\n", "      voluntary.remarks: allow\n"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("destinations.yml: destination 'portal': free-text category 'voluntary.remarks' would leave as allow");
    }

    @Test
    void scrubIsOnlyForFreeText() {
        String location = PolicyFixtures.copyWith(dir, "destinations.yml",
                text -> text.replace("      voluntary.title: allow\n      voluntary.remarks: scrub\n", "      voluntary.title: scrub\n      voluntary.remarks: scrub\n"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("destination 'portal': category 'voluntary.title' is not free text, so scrub would pass its values unchanged");
    }
}
