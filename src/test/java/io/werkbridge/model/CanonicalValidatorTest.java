package io.werkbridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalValidatorTest {

    private final CanonicalValidator validator = new CanonicalValidator();

    private static String customer(String key, String body) {
        return """
                {"messageId":"0b6f4a0e-8c1e-4b43-9d59-1d2f3a4b5c6d","type":"customer","key":"%s","operation":"upsert",
                 "occurredAt":"2026-11-20T10:15:00Z","source":"erp","body":%s}""".formatted(key, body);
    }

    @Test
    void validMessageParsesIntoAnEnvelope() {
        Envelope envelope = validator.parse(customer("100234", "{\"customerNumber\":\"100234\",\"company\":{\"name\":\"Synth AG\"}}"));
        assertThat(envelope.type()).isEqualTo(EntityType.CUSTOMER);
        assertThat(envelope.key()).isEqualTo("100234");
        assertThat(envelope.body().path("company").path("name").asText()).isEqualTo("Synth AG");
    }

    @Test
    void everyViolationIsListedByPathWithoutValues() {
        String json = customer("100234", "{\"customerNumber\":42,\"contacts\":[{\"id\":\"K\",\"email\":123}]}")
                .replace("\"upsert\"", "\"merge\"");
        assertThatThrownBy(() -> validator.parse(json))
                .isInstanceOf(InvalidCanonicalMessageException.class)
                .hasMessageContaining("$.operation")
                .hasMessageContaining("$.body.customerNumber")
                .hasMessageContaining("$.body.contacts[0].email")
                .hasMessageNotContaining("merge");
    }

    @Test
    void keyMustNameTheEntityInTheBody() {
        assertThatThrownBy(() -> validator.parse(customer("999", "{\"customerNumber\":\"100234\"}")))
                .hasMessageContaining("$.key: does not match $.body.customerNumber");
    }

    @Test
    void malformedJsonIsReportedByPositionNotContent() {
        assertThatThrownBy(() -> validator.parse("{\"messageId\": \"secret-value"))
                .isInstanceOf(InvalidCanonicalMessageException.class)
                .hasMessageContaining("not well-formed JSON")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> validator.parse("  ")).hasMessageContaining("empty message");
    }

    @Test
    void unknownEnvelopeFieldsAreRefused() {
        assertThatThrownBy(() -> validator.parse(customer("1", "{\"customerNumber\":\"1\"}").replace("\"source\"", "\"extra\":1,\"source\"")))
                .hasMessageContaining("'extra' is not defined");
    }
    @Test
    void aPatchNeedsOnlyTheKeyButWhatItCarriesMustStillBeValid() {
        String phoneOnly = customer("100234", "{\"customerNumber\":\"100234\",\"company\":{\"phone\":\"+49 30 1\"}}");
        assertThatThrownBy(() -> validator.parse(phoneOnly)).hasMessageContaining("$.body.company: required property 'name'");
        Envelope patch = validator.parse(phoneOnly.replace("\"upsert\"", "\"patch\""));
        assertThat(patch.operation()).isEqualTo(Operation.PATCH);
        assertThat(patch.body().path("company").has("name")).isFalse();

        assertThatThrownBy(() -> validator.parse(customer("100234", "{\"company\":{\"phone\":\"1\"}}").replace("\"upsert\"", "\"patch\"")))
                .hasMessageContaining("$.body: required property 'customerNumber'");
        assertThatThrownBy(() -> validator.parse(customer("100234",
                "{\"customerNumber\":\"100234\",\"company\":{\"address\":{\"country\":\"Deutschland\"}},\"contacts\":[{\"phone\":\"1\"}]}")
                .replace("\"upsert\"", "\"patch\"")))
                .hasMessageContaining("$.body.company.address.country")
                .hasMessageContaining("$.body.contacts[0]: required property 'id'")
                .hasMessageNotContaining("Deutschland");
    }
}
