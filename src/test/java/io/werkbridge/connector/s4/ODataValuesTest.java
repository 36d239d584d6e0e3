package io.werkbridge.connector.s4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** OData V2 date and time values as SAP Gateway writes them, and the $filter literals built from them. */
class ODataValuesTest {

    @Test
    void datesAreMillisecondsSinceTheEpochInUtc() {
        assertThat(ODataValues.date("/Date(1795996800000)/", "LastChangeDate")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ODataValues.dateTime("/Date(1796034615000+0060)/", "x")).isEqualTo(Instant.parse("2026-11-30T10:30:15Z"));
        assertThat(ODataValues.dateTime("/Date(-86400000)/", "x")).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        assertThat(ODataValues.date(null, "x")).isNull();
        assertThat(ODataValues.date("", "x")).isNull();
    }

    @Test
    void timesAreIsoDurationsOfTheDay() {
        assertThat(ODataValues.time("PT09H15M30S", "t")).isEqualTo(LocalTime.of(9, 15, 30));
        assertThat(ODataValues.time("PT00H00M00S", "t")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(ODataValues.time("PT23H59M59S", "t")).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(ODataValues.time("PT7H", "t")).isEqualTo(LocalTime.of(7, 0));
        assertThat(ODataValues.instant("/Date(1795996800000)/", "PT11H30M15S", "d", "t"))
                .isEqualTo(Instant.parse("2026-11-30T11:30:15Z"));
    }

    @Test
    void unreadableValuesNameTheFieldNotTheValue() {
        assertThatThrownBy(() -> ODataValues.date("2026-11-30", "LastChangeDate"))
                .isInstanceOf(S4Exception.class).hasMessage("LastChangeDate is not an OData date (/Date(milliseconds)/)");
        assertThatThrownBy(() -> ODataValues.time("10:00:00", "LastChangeTime"))
                .hasMessage("LastChangeTime is not an OData time (PTnnHnnMnnS)");
        assertThatThrownBy(() -> ODataValues.time("PT", "LastChangeTime")).isInstanceOf(S4Exception.class);
        assertThatThrownBy(() -> ODataValues.time("PT25H", "LastChangeTime")).hasMessage("LastChangeTime is not a time of day");
        assertThatThrownBy(() -> ODataValues.date("/Date(" + "9".repeat(40) + ")/", "d")).isInstanceOf(S4Exception.class);
    }

    @Test
    void filterLiteralsAreOdataV2Literals() {
        Instant at = Instant.parse("2026-11-30T09:05:07Z");
        assertThat(ODataValues.filterDate(at)).isEqualTo("datetime'2026-11-30T00:00:00'");
        assertThat(ODataValues.filterTime(at)).isEqualTo("time'PT09H05M07S'");
    }
}
