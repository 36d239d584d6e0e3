package io.werkbridge.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.PolicyFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classification's {@code scan}: a classified path, searched for personal data that then takes a free-text category. */
class ClassificationScanTest {

    @TempDir
    Path dir;

    @Test
    void theShippedPolicyScansMachineValues() {
        assertThat(PolicyFixtures.shipped().classification().get("machine-event").scan())
                .containsExactlyEntriesOf(java.util.Map.of("values", "personnel.free-text"));
    }

    @Test
    void theScanCategoryMustBePersonalFreeText() {
        String location = PolicyFixtures.copyWith(dir, "classification.yml",
                text -> text.replace("values: personnel.free-text", "values: personnel.name"));
        assertThatThrownBy(() -> PolicyFixtures.load(location)).hasMessageContaining(
                "classification.yml: type 'machine-event' scan 'values': category 'personnel.name' must be personal free text");
    }

    @Test
    void theScannedPathMustBeAClassifiedField() {
        String location = PolicyFixtures.copyWith(dir, "classification.yml",
                text -> text.replace("scan:\n      values: personnel.free-text", "scan:\n      readings: personnel.free-text"));
        assertThatThrownBy(() -> PolicyFixtures.load(location)).hasMessageContaining(
                "classification.yml: type 'machine-event' scan 'readings': not a classified field of the type");
    }
}
