package io.werkbridge.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.werkbridge.privacy.PolicyFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
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
        assertThat(policy.destinations()).containsKeys("shop", "portal", "app", "erp", "monitoring", "maps")
                .doesNotContainKey("user-tours");
        assertThat(policy.processors().get("userlane").noHubFlow()).contains("browser");
        assertThat(policy.processors().get("microsoft-azure").noHubFlow()).startsWith("hosting");
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

    @Test
    void eachSchemaNamesFileAndEntryOfATypicalMistake() {
        assertThat(problems("taxonomy.yml", t -> t.replace("master.name:                   {personal: true, ",
                "master.name:                   {personal: true, sensitive: true, ")))
                .containsExactly("taxonomy.yml: category 'master.name' sensitive: unknown key; allowed are [content, description, freeText, personal]");
        assertThat(problems("classification.yml", t -> t.replace("  customer:\n    key: status.customer-number\n", "  customer:\n")))
                .containsExactly("classification.yml: type 'customer' key: missing");
        assertThat(problems("processors.yml", t -> t.replace("transferMechanism: scc", "transferMechanism: corporate-rules")
                .replace("SAMPLE-DPA-GAB-001, sample: true, validFrom: 2024-01-01, validTo: 2028-12-31",
                        "SAMPLE-DPA-GAB-001, sample: true, validFrom: 2024-01-01, validTo: 2028-13-31")))
                .containsExactly("processors.yml: processor 'gose-consulting' transferMechanism: must be one of [eu-eea, adequacy, scc, bcr, none]",
                        "processors.yml: processor 'gab-exactlyit' contract validTo: must be an ISO date (yyyy-mm-dd)");
        assertThat(problems("destinations.yml", t -> t.replace("    purpose: online-shop\n", "")
                .replace("communication.phone: {action: mask, keep: 4}", "communication.phone: {action: mask, keep: -1}")))
                .containsExactlyInAnyOrder("destinations.yml: destination 'shop' purpose: missing",
                        "destinations.yml: destination 'shop' category 'communication.phone' keep: must be a whole number of 0 or more");
        assertThat(problems("destinations.yml", t -> "destinations: [shop]\n"))
                .containsExactly("destinations.yml: destinations: must map destination ids to destinations");
    }

    @Test
    void defaultsComeFromTheSchemasAndMaskKeepsFourUnlessTold() {
        PrivacyPolicy policy = PolicyFixtures.load(PolicyFixtures.copyWith(dir, "destinations.yml",
                t -> t.replace("communication.phone: {action: mask, keep: 4}", "communication.phone: {action: mask}")
                        .replace("    legalBasis: \"Art. 6(1)(f) GDPR (legitimate interest: show machine locations)\"\n", "")));
        assertThat(policy.destinations().get("shop").actions().get("communication.phone")).isEqualTo(new Action(ActionType.MASK, 4));
        assertThat(policy.destinations().get("maps").legalBasis()).isEmpty();
        assertThat(policy.taxonomy().categories().get("master.name").freeText()).isFalse();
        assertThat(policy.classification().get("customer").subjectPaths()).containsExactly("customerNumber", "contacts[].id");
        assertThat(policy.processors().get("werkbliq").contract().validTo()).isEqualTo(java.time.LocalDate.of(2028, 12, 31));
    }

    /** An action added to the code must be added to the schema, and the other way round. */
    @Test
    void theSchemaKnowsTheActionsOfTheCode() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(getClass().getClassLoader()
                .getResource("config/schema/privacy-destinations.schema.json"));
        List<String> names = new ArrayList<>();
        schema.at("/definitions/actionName/enum").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactlyElementsOf(Arrays.stream(ActionType.values()).map(ActionType::id).toList());
    }

    @Test
    void aPartysFieldThatStaysNonPersonalForAPersonIsRefused() {
        assertThat(problems("classification.yml", t -> t.replace("          company.vatId: master.tax-id\n", "")))
                .containsExactly("classification.yml: type 'customer' party 'company' field 'company.vatId': category 'company.tax-id'"
                        + " is not personal; give the field a personal category in asPerson for when the party is a person");
        assertThat(problems("classification.yml", t -> t.replace("          company.name: master.name\n", "          company.name: company.name\n")))
                .containsExactly("classification.yml: type 'customer' party 'company' asPerson 'company.name': category 'company.name'"
                        + " is not personal, but a person's field is personal data");
        assertThat(problems("classification.yml", t -> t.replace("        kind: billTo.kind\n", "        kind: customerNumber\n")))
                .contains("classification.yml: type 'invoice' party 'billTo': kind field 'customerNumber' is not a field of the party object",
                        "classification.yml: type 'invoice' party 'billTo' field 'billTo.kind': category 'technical' is not personal;"
                                + " give the field a personal category in asPerson for when the party is a person");
        assertThat(problems("classification.yml", t -> t.replace("          billTo.address: master.business-address\n",
                "          billTo.address: master.business-address\n          billTo.fax: communication.phone\n")))
                .containsExactly("classification.yml: type 'invoice' party 'billTo' asPerson 'billTo.fax': not a classified field of the party object");
    }

    @Test
    void unknownPartiesIsPersonOrOrganizationAndNothingElse() {
        assertThat(problems("destinations.yml", t -> t.replace("    purpose: maps\n", "    purpose: maps\n    unknownParties: company\n")))
                .containsExactly("destinations.yml: destination 'maps' unknownParties: must be person or organization");
    }

    private List<String> problems(String file, UnaryOperator<String> edit) {
        String location = PolicyFixtures.copyWith(dir, file, edit);
        try {
            PolicyFixtures.load(location);
        } catch (PolicyException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was accepted");
    }
}
