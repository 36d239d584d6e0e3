package io.werkbridge.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.PolicyFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor's transfer mechanism must fit its country; a mismatch refuses the policy, naming the processor. */
class TransferCheckTest {

    private static final String GOSE = "    country: US\n    role: concept and programming of serial interfaces\n"
            + "    contract: {reference: SAMPLE-DPA-GOSE-001, sample: true, validFrom: 2024-01-01, validTo: 2028-12-31, status: active}\n"
            + "    transferMechanism: scc\n";

    @TempDir
    Path dir;

    private String processorsWith(String from, String to) {
        return PolicyFixtures.copyWith(dir, "processors.yml", text -> {
            assertThat(text).contains(from);
            return text.replace(from, to);
        });
    }

    @Test
    void aUsProcessorDeclaredEuEeaIsRefusedNamingIt() {
        String location = processorsWith(GOSE, GOSE.replace("transferMechanism: scc", "transferMechanism: eu-eea"));
        assertThatThrownBy(() -> PolicyFixtures.load(location))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("processors.yml: processor 'gose-consulting' (country US) declares eu-eea, but US is not an EU/EEA country");
    }

    @Test
    void aUsProcessorWithStandardContractualClausesOrBindingCorporateRulesStarts() {
        PrivacyPolicy shipped = PolicyFixtures.shipped();
        assertThat(shipped.processors().get("gose-consulting").country()).isEqualTo("US");
        assertThat(shipped.processors().get("gose-consulting").transferMechanism()).isEqualTo("scc");
        PrivacyPolicy bcr = PolicyFixtures.load(processorsWith(GOSE, GOSE.replace("transferMechanism: scc", "transferMechanism: bcr")));
        assertThat(bcr.processors().get("gose-consulting").transferMechanism()).isEqualTo("bcr");
    }

    @Test
    void adequacyForTheUsHoldsOnlyForAProcessorCertifiedUnderTheDataPrivacyFramework() {
        PrivacyPolicy shipped = PolicyFixtures.shipped();
        assertThat(shipped.processors().get("google-maps").dataPrivacyFramework()).isTrue();
        assertThat(TransferCountries.hasMechanism(shipped.processors().get("google-maps"))).isTrue();

        String uncertified = processorsWith("    dataPrivacyFramework: true\n", "");
        assertThatThrownBy(() -> PolicyFixtures.load(uncertified))
                .hasMessageContaining("processor 'google-maps' (country US) declares adequacy for the US, which covers only "
                        + "organisations certified under the EU-US Data Privacy Framework");
        // the certification is a US one: claimed for a company elsewhere it is a mistake
        String german = processorsWith(GOSE, GOSE.replace("country: US", "country: DE")
                .replace("transferMechanism: scc", "transferMechanism: eu-eea\n    dataPrivacyFramework: true"));
        assertThatThrownBy(() -> PolicyFixtures.load(german))
                .hasMessageContaining("processor 'gose-consulting' (country DE) dataPrivacyFramework is a certification of US organisations");
    }

    @Test
    void adequacyOnlyWhereTheCommissionFoundIt() {
        String japan = processorsWith(GOSE, GOSE.replace("country: US", "country: JP").replace("transferMechanism: scc", "transferMechanism: adequacy"));
        assertThat(PolicyFixtures.load(japan).processors().get("gose-consulting").country()).isEqualTo("JP");

        String india = processorsWith(GOSE, GOSE.replace("country: US", "country: IN").replace("transferMechanism: scc", "transferMechanism: adequacy"));
        assertThatThrownBy(() -> PolicyFixtures.load(india))
                .hasMessageContaining("processor 'gose-consulting' (country IN) declares adequacy, but IN has no adequacy decision: declare scc or bcr");
        String euAdequacy = processorsWith(GOSE, GOSE.replace("country: US", "country: AT").replace("transferMechanism: scc", "transferMechanism: adequacy"));
        assertThatThrownBy(() -> PolicyFixtures.load(euAdequacy))
                .hasMessageContaining("processor 'gose-consulting' (country AT) declares adequacy, but AT is in the EU/EEA: declare eu-eea");
    }

    @Test
    void aThirdCountryProcessorWithoutMechanismLoadsButHasNone() {
        PrivacyPolicy none = PolicyFixtures.load(processorsWith(GOSE, GOSE.replace("transferMechanism: scc", "transferMechanism: none")));
        assertThat(TransferCountries.hasMechanism(none.processors().get("gose-consulting"))).isFalse();
        assertThat(TransferCountries.hasMechanism(none.processors().get("werkbliq"))).isTrue();
    }
}
