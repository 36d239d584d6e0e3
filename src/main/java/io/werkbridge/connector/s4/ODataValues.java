package io.werkbridge.connector.s4;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData V2 JSON values as SAP Gateway writes them: {@code Edm.DateTime} as {@code /Date(<ms since 1970>)/} (with an
 * optional {@code +hhmm}-style offset in minutes for {@code Edm.DateTimeOffset}), {@code Edm.Time} as an ISO 8601
 * duration {@code PT09H15M30S}. Dates without an offset are UTC, as Gateway writes them. Bounded patterns; an
 * unreadable value is an error that names the field, never the value.
 */
final class ODataValues {

    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d{1,15})(?:([+-])(\\d{1,4}))?\\)/");
    private static final Pattern TIME = Pattern.compile("PT(?:(\\d{1,2})H)?(?:(\\d{1,2})M)?(?:(\\d{1,2})(?:\\.\\d{1,7})?S)?");
    private static final DateTimeFormatter FILTER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'00:00:00");

    private ODataValues() {
    }

    /** An {@code Edm.DateTime}/{@code Edm.DateTimeOffset} value; null for null or empty. */
    static Instant dateTime(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            throw new S4Exception(field + " is not an OData date (/Date(milliseconds)/)");
        }
        // the offset only says in which zone the instant was recorded; the milliseconds are UTC already
        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
    }

    /** An {@code Edm.DateTime} that holds a date (SAP writes midnight UTC); null for null or empty. */
    static LocalDate date(String value, String field) {
        Instant instant = dateTime(value, field);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** An {@code Edm.Time} value (a time of day); null for null or empty. */
    static LocalTime time(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher m = TIME.matcher(value);
        if (!m.matches() || value.equals("PT")) {
            throw new S4Exception(field + " is not an OData time (PTnnHnnMnnS)");
        }
        Duration d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
        if (d.compareTo(Duration.ofDays(1)) >= 0) {
            throw new S4Exception(field + " is not a time of day");
        }
        return LocalTime.MIDNIGHT.plus(d);
    }

    /** A date field and its time field as one instant (UTC); null when the date is absent. */
    static Instant instant(String date, String time, String dateField, String timeField) {
        LocalDate day = date(date, dateField);
        if (day == null) {
            return null;
        }
        LocalTime at = time(time, timeField);
        return day.atTime(at == null ? LocalTime.MIDNIGHT : at).toInstant(ZoneOffset.UTC);
    }

    /** A date literal for $filter: {@code datetime'2026-12-01T00:00:00'}. */
    static String filterDate(Instant instant) {
        return "datetime'" + FILTER_DATE.format(instant.atOffset(ZoneOffset.UTC)) + "'";
    }

    /** A time literal for $filter: {@code time'PT09H15M30S'}. */
    static String filterTime(Instant instant) {
        LocalTime t = instant.atOffset(ZoneOffset.UTC).toLocalTime();
        return String.format("time'PT%02dH%02dM%02dS'", t.getHour(), t.getMinute(), t.getSecond());
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
