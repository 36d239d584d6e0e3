package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoapFaultSanitizerTest {

    @Test
    void quotedValuesAreWithheldWhileRuleAndTypeRemain() {
        String cleaned = SoapFaultSanitizer.sanitize("Unmarshalling Error: cvc-pattern-valid: Value 'erika@@example' is not "
                + "facet-valid with respect to pattern '[^@\\s]+@[^@\\s]+\\.[^@\\s]+' for type '#AnonType_emailContact'.");
        assertThat(cleaned).doesNotContain("erika").contains("cvc-pattern-valid").contains("emailContact");
    }

    @Test
    void lengthAndDatatypeMessagesLoseTheirValues() {
        assertThat(SoapFaultSanitizer.sanitize("cvc-maxLength-valid: Value 'Mustermann-Langname' with length = '19' is not facet-valid"))
                .doesNotContain("Mustermann").doesNotContain("19");
        assertThat(SoapFaultSanitizer.sanitize("cvc-datatype-valid.1.2.1: 'Mueller' is not a valid value for 'dateTime'."))
                .doesNotContain("Mueller").contains("dateTime");
        assertThat(SoapFaultSanitizer.sanitize("cvc-type.3.1.3: The value 'Erika' of element 'c:firstName' is not valid."))
                .doesNotContain("Erika").contains("c:firstName");
    }
}
