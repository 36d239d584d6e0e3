package io.werkbridge.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.model.EntityType;
import io.werkbridge.model.PersonalPaths;
import io.werkbridge.privacy.PolicyFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check that taxonomy, classification and the canonical model agree on what is personal. */
class TaxonomyAgreementTest {

    @TempDir
    Path dir;

    private String with(String file, String from, String to) {
        return PolicyFixtures.copyWith(dir, file, text -> {
            assertThat(text).as(file + " holds the text the test changes").contains(from);
            return text.replace(from, to);
        });
    }

    @Test
    void theModelMarksThePathsThatAlwaysHoldAPersonsData() {
        assertThat(PersonalPaths.of(EntityType.CUSTOMER)).contains("contacts[].firstName", "contacts[].email", "contacts[].businessAddress")
                .doesNotContain("company", "company.name", "customerNumber");
        assertThat(PersonalPaths.of(EntityType.SERVICE_REPORT)).contains("technician", "customerContact", "signature");
        assertThat(PersonalPaths.of(EntityType.SERVICE_TICKET)).contains("reportedBy", "attachments.photos[].content",
                "attachments.videos[].fileName").doesNotContain("attachments.photos[].mediaType", "machineNumber");
        assertThat(PersonalPaths.of(EntityType.ORDER)).contains("orderedBy");
        assertThat(PersonalPaths.of(EntityType.MACHINE_EVENT)).contains("operator", "commissioning.technician", "commissioning.acceptedBy")
                .doesNotContain("commissioning.date", "commissioning.software", "values");
    }

    @Test
    void theShippedPolicyAgrees() {
        PrivacyPolicy shipped = PolicyFixtures.shipped();
        assertThat(shipped.taxonomy().isPersonal("machine.ibn")).as("commissioning's technical part").isFalse();
        assertThat(shipped.classification().get("machine-event").fields())
                .containsEntry("commissioning.date", "machine.ibn")
                .containsEntry("commissioning.software", "machine.ibn")
                .containsEntry("commissioning.technician.id", "personnel.id")
                .containsEntry("commissioning.technician.name", "personnel.name.technician")
                .containsEntry("commissioning.acceptedBy.name", "master.name");
    }

    @Test
    void aPersonalModelPathMappedToANonPersonalCategoryIsRefusedNamingTypePathAndCategory() {
        String location = with("classification.yml", "      reportedBy.name: master.name", "      reportedBy.name: company.name");
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("classification.yml: type 'service-ticket' field 'reportedBy.name' is classified 'company.name', "
                        + "which the taxonomy marks non-personal, but the canonical model marks 'reportedBy' as personal data");
    }

    @Test
    void commissioningPeopleClassifiedAsMachineDataAreRefused() {
        String signatory = with("classification.yml", "      commissioning.acceptedBy.name: master.name", "      commissioning.acceptedBy.name: machine.ibn");
        assertThatThrownBy(() -> PolicyFixtures.load(signatory))
                .hasMessageContaining("type 'machine-event' field 'commissioning.acceptedBy.name' is classified 'machine.ibn'")
                .hasMessageContaining("the canonical model marks 'commissioning.acceptedBy' as personal data");
        // one entry for the whole object classifies the people in it too: refused as well
        String whole = with("classification.yml", "      commissioning.date: machine.ibn", "      commissioning: machine.ibn");
        assertThatThrownBy(() -> PolicyFixtures.load(whole))
                .hasMessageContaining("type 'machine-event' field 'commissioning' is classified 'machine.ibn'")
                .hasMessageContaining("marks 'commissioning.technician' as personal data");
    }

    @Test
    void aDataSubjectsIdentifierMustBePersonal() {
        String subject = with("classification.yml", "    subjects: [customerNumber]\n    fields:\n      ticketId: planning\n      customerNumber: status.customer-number",
                "    subjects: [customerNumber]\n    fields:\n      ticketId: planning\n      customerNumber: technical");
        assertThatThrownBy(() -> PolicyFixtures.load(subject))
                .hasMessageContaining("classification.yml: type 'service-ticket' subject 'customerNumber' is classified 'technical', "
                        + "which the taxonomy marks non-personal");
    }

    @Test
    void aNonPersonalDetailOfAPersonalCategoryIsRefused() {
        String location = with("taxonomy.yml", "  master.name:                   {personal: true,",
                "  master.nickname: {personal: false, description: \"x\"}\n  master.name:                   {personal: true,");
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .hasMessageContaining("taxonomy.yml: category 'master.nickname' is non-personal under the personal category 'master'");
    }

    @Test
    void photosAndVideosAreOpaque_allowedWholeOrDropped() {
        PrivacyPolicy shipped = PolicyFixtures.shipped();
        assertThat(shipped.taxonomy().isContent("media.photo")).isTrue();
        assertThat(shipped.taxonomy().isPersonal("media")).isTrue();
        String hashed = with("destinations.yml", "      media: allow", "      media: allow\n      media.video: hash");
        assertThatThrownBy(() -> PolicyFixtures.load(hashed))
                .hasMessageContaining("destinations.yml: destination 'erp': category 'media.video' is opaque content (a photo or video), "
                        + "which the hub never inspects: allow or drop it, not hash");
        String notCovered = with("destinations.yml", "      media: drop", "      media: allow");
        assertThatThrownBy(() -> PolicyFixtures.load(notCovered))
                .hasMessageContaining("destination 'portal': category 'media.photo' is allowed, but the contract of processor 'werkbliq' does not cover it");
    }
}
