package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.MessageHeldException;
import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The US serial-interface programmer gets a capture's frames (personal: timed to the operator's shift) only under its
 * transfer mechanism: without one the diagnostics are held, and counters alone (nothing personal) still flow.
 */
class SerialSupportTransferTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCaptureLeavesForTheUsOnlyUnderItsTransferMechanism() {
        PrivacyGate shipped = gate(PolicyFixtures.shipped());
        assertThat(shipped.filter("serial-support-gose", diagnostics(true)).sent()).contains("machine.capture", "technical");

        PrivacyPolicy withoutScc = PolicyFixtures.load(PolicyFixtures.copyWith(dir, "processors.yml",
                text -> text.replace("status: active}\n    transferMechanism: scc\n    purposes: [serial-interfaces]",
                        "status: active}\n    transferMechanism: none\n    purposes: [serial-interfaces]")));
        assertThatThrownBy(() -> gate(withoutScc).filter("serial-support-gose", diagnostics(true)))
                .isInstanceOf(MessageHeldException.class)
                .hasMessageContaining("processor 'gose-consulting' is in a third country (US) without a transfer mechanism");
        assertThat(gate(withoutScc).filter("serial-support-gose", diagnostics(false)).sent()).contains("technical", "machine.number");
        // diplexa is in Germany: no transfer
        assertThat(gate(withoutScc).filter("serial-support-diplexa", diagnostics(true)).sent()).contains("machine.capture");
    }

    private static PrivacyGate gate(PrivacyPolicy policy) {
        return new PrivacyGate(policy, new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, NOW);
    }

    private static ObjectNode diagnostics(boolean capture) {
        ObjectNode envelope = (ObjectNode) CanonicalJson.read("""
                {"messageId":"0193a3f0-0000-7000-8000-000000000001","type":"link-diagnostics","key":"M-1","operation":"upsert",
                 "occurredAt":"2026-11-26T11:59:00Z","source":"machine:press-1",
                 "body":{"machineNumber":"M-1","collectedAt":"2026-11-26T11:59:00Z","link":{"port":"/dev/ttyS0","framing":"stx-etx"},
                         "statistics":{"connected":true,"framesIn":12,"checksumErrors":1},
                         "capture":{"frames":[{"at":"2026-11-26T11:58:00Z","length":9,"payload":"STATE=RUN"}]}}}""");
        if (!capture) {
            ((ObjectNode) envelope.path("body")).remove("capture");
        }
        return envelope;
    }
}
