package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selection step of a destination route: each form of condition, and a bad selection refused at start-up. */
class FlowSelectionTest {

    private static final String ALARM = """
            {"messageId":"m","type":"machine-event","body":{"machineNumber":"M-1","customerNumber":"100234","kind":"alarm",
             "location":{"lat":52.1,"lon":null}}}""";
    private static final String STATUS_NO_OWNER = """
            {"messageId":"m","type":"machine-event","body":{"machineNumber":"M-1","customerNumber":null,"kind":"status"}}""";

    private final FlowSelection selection = new FlowSelection();

    @Test
    void everyConditionMustHold() {
        assertThat(selection.accepts(ALARM, "*")).isTrue();
        assertThat(selection.accepts(ALARM, "kind=alarm")).isTrue();
        assertThat(selection.accepts(ALARM, "kind=status|alarm")).isTrue();
        assertThat(selection.accepts(STATUS_NO_OWNER, "kind=alarm")).isFalse();
        assertThat(selection.accepts(ALARM, "kind=alarm;customerNumber")).isTrue();
        // null counts as absent
        assertThat(selection.accepts(STATUS_NO_OWNER, "customerNumber")).isFalse();
        assertThat(selection.accepts(STATUS_NO_OWNER, "!customerNumber")).isTrue();
        assertThat(selection.accepts(ALARM, "!customerNumber")).isFalse();
        assertThat(selection.accepts(ALARM, "location.lat")).isTrue();
        assertThat(selection.accepts(ALARM, "location.lon")).isFalse();
        assertThat(selection.accepts(STATUS_NO_OWNER, "location")).isFalse();
        // an object is present, but never equal to a value
        assertThat(selection.accepts(ALARM, "location=52.1")).isFalse();
        assertThat(selection.accepts(ALARM, "location.lat=52.1")).isTrue();
    }

    @Test
    void aSelectionThatIsNotOfTheFormIsRefusedNamingTheDestination() {
        assertThatThrownBy(() -> FlowSelection.parse("")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> FlowSelection.parse("kind==alarm")).hasMessageContaining("values are");
        assertThatThrownBy(() -> FlowSelection.parse("kind=alarm;")).hasMessageContaining("expected field");
        assertThatThrownBy(() -> FlowSelection.parse("body[0]")).hasMessageContaining("expected field");
        assertThatThrownBy(() -> new FlowProperties.Flow(Map.of("app", "direct:app"), Map.of("app", "kind=")))
                .hasMessageStartingWith("select.app:");
        assertThatThrownBy(() -> new FlowProperties.Flow(Map.of("app", "direct:app"), Map.of("maps", "location")))
                .hasMessage("select: 'maps' is not a destination of the flow");
        assertThat(new FlowProperties.Flow(Map.of("app", "direct:app", "erp", "direct:erp"), Map.of("app", "kind=alarm"))
                .selectionOf("erp")).isEqualTo("*");
    }
}
