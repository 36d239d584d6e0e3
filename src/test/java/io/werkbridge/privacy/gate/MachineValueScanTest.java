package io.werkbridge.privacy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.policy.ActionType;
import org.junit.jupiter.api.Test;

/**
 * Free-form machine values (classification {@code scan: {values: personnel.free-text}}) under the shipped policy:
 * a text value the free-text PII finder flags is personnel free text, scrubbed for the portal and dropped for the
 * ERP; values without a finding, numbers and maps without findings pass as machine state. Synthetic values.
 */
class MachineValueScanTest {

    private final PrivacyGate gate = PolicyFixtures.gate();

    private static ObjectNode event() {
        return (ObjectNode) CanonicalJson.read("""
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c70","type":"machine-event","key":"M-78","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"machine:m-78",
                 "body":{"machineNumber":"M-78","customerNumber":"100234","timestamp":"2026-11-20T10:15:00Z","kind":"program",
                         "values":{"program":"O4711","partCount":12,
                                   "comment":"set up by Erika Muster, questions to erika.muster@example.com",
                                   "note":"operator Max Beispiel checked DMU-50-3",
                                   "system":{"level":"fault","nativeCode":"E-17","text":"call +49 521 5551234"}},
                         "operator":{"id":"OP-5","name":"Max Beispiel"}}}""");
    }

    @Test
    void flaggedValuesAreScrubbedForThePortalAndTheRestIsMachineState() {
        GateResult portal = gate.filter("portal", event());
        JsonNode values = portal.filtered().path("body").path("values");
        assertThat(values.path("program").asText()).isEqualTo("O4711");
        assertThat(values.path("partCount").asInt()).isEqualTo(12);
        // the e-mail address by the finder's pattern, the operator's name because the record carries it
        assertThat(values.path("comment").asText()).isEqualTo("set up by Erika Muster, questions to [email]");
        assertThat(values.path("note").asText()).isEqualTo("operator [name] checked DMU-50-3");
        assertThat(values.path("system").toString()).isEqualTo("{\"level\":\"fault\",\"nativeCode\":\"E-17\",\"text\":\"call [phone]\"}");
        assertThat(portal.masked()).contains("personnel.free-text");
        assertThat(portal.sent()).contains("machine.state");
    }

    @Test
    void flaggedValuesAreDroppedForTheErpAndTheDecisionIsReported() {
        GateResult erp = gate.filter("erp", event());
        JsonNode values = erp.filtered().path("body").path("values");
        assertThat(values.toString()).isEqualTo("{\"program\":\"O4711\",\"partCount\":12,"
                + "\"system\":{\"level\":\"fault\",\"nativeCode\":\"E-17\"}}");
        assertThat(erp.dropped()).contains("personnel.free-text", "personnel.id", "personnel.name");
        assertThat(erp.filtered().toString()).doesNotContain("Muster").doesNotContain("Beispiel").doesNotContain("5551234");

        GateResult explained = gate.explain("erp", event());
        assertThat(explained.decisions()).contains(
                new FieldDecision("values.comment", "personnel.free-text", ActionType.DROP),
                new FieldDecision("values.program", "machine.state", ActionType.ALLOW));
    }

    @Test
    void withoutFindingsTheValuesPassAsTheyAre() {
        ObjectNode plain = event();
        ObjectNode values = (ObjectNode) plain.path("body").path("values");
        values.remove("comment");
        values.remove("note");
        values.remove("system");
        GateResult portal = gate.filter("portal", plain);
        assertThat(portal.filtered().path("body").path("values").toString()).isEqualTo("{\"program\":\"O4711\",\"partCount\":12}");
        assertThat(portal.masked()).doesNotContain("personnel.free-text");
        assertThat(portal.dropped()).doesNotContain("personnel.free-text");
    }
}
