package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralizationTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "2026-11-20T10:15:00Z", "2026-11-20T10:15", "2026-11-20T10:15:00.123456789+01:00",
            "2026-11-20T10:15:00-0500", "2026-11-20T10:15+01:00[Europe/Berlin]", " 2026-02-28 "})
    void dateOrDateTimeBecomesItsYear(String value) {
        assertThat(Generalization.year(value)).isEqualTo("2026");
    }

    @Test
    void yearIsTheOneWrittenInTheValuesOwnOffset() {
        assertThat(Generalization.year("2025-12-31T23:30:00-05:00")).isEqualTo("2025");
        assertThat(Generalization.year("2024-02-29")).isEqualTo("2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "20.11.2026", "2026-13-01", "2026-02-29", "2026-11-31", "2026-11-20T25:00",
            "2026-11-20 10:15", "20261120", "2026-11-20T10:15:00Zjunk"})
    void rejectsWhatIsNoIsoDateWithoutEchoingIt(String value) {
        assertThatThrownBy(() -> Generalization.year(value))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!value.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
        assertThatThrownBy(() -> Generalization.year(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"33602, 33", "' 33602 ', 33", "1010, 10", "SW1A 1AA, SW", "K1A 0B1, K1"})
    void postalCodeBecomesItsFirstTwoCharacters(String code, String prefix) {
        assertThat(Generalization.postalCodePrefix(code)).isEqualTo(prefix);
    }

    @Test
    void rejectsPostalCodesWithoutTwoLeadingLettersOrDigits() {
        assertThatThrownBy(() -> Generalization.postalCodePrefix("3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two characters");
        assertThatThrownBy(() -> Generalization.postalCodePrefix("-33602")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("33602");
        assertThatThrownBy(() -> Generalization.postalCodePrefix(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"52.0215, 52.0", "8.5324, 8.5", "8.55, 8.6", "-8.55, -8.6", "-0.04, 0.0", "179.96, 180.0", "0, 0.0"})
    void coordinateIsRoundedToATenthOfADegree(double degrees, double rounded) {
        assertThat(Generalization.coordinate(degrees)).isEqualTo(rounded);
    }

    @Test
    void rejectsCoordinatesThatAreNoAngle() {
        assertThatThrownBy(() -> Generalization.coordinate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Generalization.coordinate(180.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("180.5");
    }

    @Test
    void objectWithLatAndLonIsRoundedAndKeepsOnlyThose() throws Exception {
        JsonNode location = json.readTree("{\"lat\": 52.0215, \"lon\": 8.5324, \"alt\": 118.2, \"street\": \"Niederwall 43\"}");

        JsonNode generalized = Generalization.coordinates(location);

        assertThat(json.writeValueAsString(generalized)).isEqualTo("{\"lat\":52.0,\"lon\":8.5}");
        assertThat(location.get("lat").doubleValue()).isEqualTo(52.0215); // input untouched
    }

    @Test
    void coordinatesGivenAsStringsStayStrings() throws Exception {
        JsonNode location = json.readTree("{\"lat\": \"52.0215\", \"lon\": \"-8.5324\"}");

        assertThat(json.writeValueAsString(Generalization.coordinates(location)))
                .isEqualTo("{\"lat\":\"52.0\",\"lon\":\"-8.5\"}");
    }

    @Test
    void singleNumberIsRounded() throws Exception {
        assertThat(Generalization.coordinates(json.readTree("8.5324")).doubleValue()).isEqualTo(8.5);
        assertThat(Generalization.coordinates(json.readTree("\"52.0215\"")).textValue()).isEqualTo("52.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"lat\": 52.0}", "{\"lat\": 95.0, \"lon\": 8.5}", "{\"lat\": 52.0, \"lon\": 181}",
            "{\"lat\": \"north\", \"lon\": 8.5}", "[52.0, 8.5]", "true", "null", "\"52,0215\""})
    void rejectsOtherShapesWithoutEchoingValues(String input) throws Exception {
        JsonNode node = json.readTree(input);

        assertThatThrownBy(() -> Generalization.coordinates(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("52.0").hasMessageNotContaining("north").hasMessageNotContaining("95");
    }
}
