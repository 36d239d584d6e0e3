package io.werkbridge.privacy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.CanonicalValidator;
import io.werkbridge.privacy.PolicyFixtures;
import io.werkbridge.privacy.operator.TokenShapes;
import io.werkbridge.privacy.vault.Pseudonymizer;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Commissioning (IBN) split: the technical part travels as machine data, the technician and the customer's
 * acceptance signatory as the people they are, under the shipped policy.
 */
class CommissioningGateTest {

    private static final String EVENT = """
            {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6f","type":"machine-event","key":"M-77","operation":"upsert",
             "occurredAt":"2026-11-20T10:15:00Z","source":"erp",
             "body":{"machineNumber":"M-77","timestamp":"2026-11-20T10:15:00Z","kind":"commissioning",
                     "values":{"serialNumber":"SN-4711"},
                     "commissioning":{"date":"2026-11-19","software":"Sinumerik 4.95 SP1",
                                      "technician":{"id":"T-042","name":"Jonas Techniker"},
                                      "acceptedBy":{"name":"Erika Abnahme"}}}}""";

    private final Pseudonymizer vault = new Pseudonymizer() {
        @Override
        public String tokenize(String value, TokenShapes.Shape shape, Set<String> subjects) {
            assertThat(subjects).contains("T-042");
            return new TokenShapes().token(value, shape);
        }

        @Override
        public Optional<String> detokenize(String token) {
            return Optional.empty();
        }

        @Override
        public int forgetSubject(String subjectRef) {
            return 0;
        }
    };
    private final PrivacyGate gate = new PrivacyGate(PolicyFixtures.shipped(), new ValueOperators(PolicyFixtures.TEST_KEY, vault));

    @Test
    void theTechnicalPartIsMachineDataAndThePeopleArePersonal() {
        ObjectNode event = (ObjectNode) CanonicalJson.read(EVENT);
        new CanonicalValidator().requireValid(event);

        GateResult erp = gate.filter("erp", event.deepCopy());
        JsonNode toErp = erp.filtered().path("body").path("commissioning");
        assertThat(toErp.path("date").asText()).isEqualTo("2026-11-19");
        assertThat(toErp.path("software").asText()).isEqualTo("Sinumerik 4.95 SP1");
        assertThat(toErp.has("technician") && toErp.path("technician").has("name")).as("personnel is dropped for the ERP").isFalse();
        assertThat(toErp.path("acceptedBy").path("name").asText()).isEqualTo("Erika Abnahme");
        assertThat(erp.sent()).contains("machine.ibn", "master.name");
        assertThat(erp.dropped()).contains("personnel.id", "personnel.name.technician");
        assertThat(erp.subjectRefs()).contains("T-042");

        JsonNode toPortal = gate.filter("portal", event.deepCopy()).filtered().path("body").path("commissioning");
        assertThat(toPortal.path("software").asText()).isEqualTo("Sinumerik 4.95 SP1");
        assertThat(toPortal.path("technician").path("name").asText()).isNotBlank().isNotEqualTo("Jonas Techniker");
        assertThat(toPortal.path("technician").path("id").asText()).matches("[0-9a-f]{64}");
        assertThat(toPortal.path("acceptedBy").path("name").asText()).isEqualTo("Erika Abnahme");
    }

    @Test
    void commissioningDataOnAnotherKindIsRefusedByTheSchema() {
        ObjectNode event = (ObjectNode) CanonicalJson.read(EVENT.replace("\"kind\":\"commissioning\"", "\"kind\":\"status\""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CanonicalValidator().requireValid(event))
                .isInstanceOf(io.werkbridge.model.InvalidCanonicalMessageException.class);
    }
}
