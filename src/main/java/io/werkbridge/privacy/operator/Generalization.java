package io.werkbridge.privacy.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code generalize} action: replaces a precise value by a coarse one.
 *
 * <ul>
 *   <li>Date or date-time to its year: {@code 2026-11-20 -> "2026"},
 *       {@code 2026-11-20T10:15:00Z -> "2026"}. The year is the one written, in the value's own
 *       offset ({@code 2025-12-31T23:30:00-05:00 -> "2025"}, although it is 2026 in UTC).</li>
 *   <li>Postal code to its first two characters: {@code 33602 -> "33"} (in Germany a region of
 *       several hundred thousand people).</li>
 *   <li>Coordinates to a grid of 0.1 degree: {@code 52.0215 -> 52.0}. A tenth of a degree of latitude
 *       is 111.3 km / 10 = 11.1 km everywhere; of longitude 11.1 km x cos(latitude), about 6.9 km
 *       at 52 degrees north. So the reported point is a cell of roughly 10 km, and the true one lies
 *       up to 0.05 degree (about 5.6 km) from it: enough for a map pin that shows the region of a
 *       machine, too coarse to find a building.</li>
 * </ul>
 *
 * Error messages name what is wrong, never the value.
 */
public final class Generalization {

    /** ISO-8601 calendar date, optionally with time, fraction, offset or zone id. */
    private static final Pattern ISO_DATE_OR_DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,9})?)?"
                    + "(?:Z|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?(?:\\[[A-Za-z0-9/_+-]{1,64}])?)?");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(?:\\.\\d{1,15})?");

    private static final BigDecimal MAX_DEGREES = BigDecimal.valueOf(180);
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);

    private Generalization() {
    }

    /**
     * The year of an ISO-8601 date ({@code 2026-11-20}) or date-time ({@code 2026-11-20T10:15:00Z},
     * {@code 2026-11-20T10:15:00.123+01:00}, {@code 2026-11-20T10:15+01:00[Europe/Berlin]}).
     *
     * @throws IllegalArgumentException if the value is null, not in that form, or not a calendar date
     */
    public static String year(String isoDateOrDateTime) {
        if (isoDateOrDateTime == null) {
            throw new IllegalArgumentException("date must not be null");
        }
        Matcher matcher = ISO_DATE_OR_DATE_TIME.matcher(isoDateOrDateTime.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not an ISO-8601 date or date-time (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss][offset])");
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        if (month < 1 || month > 12 || !YearMonth.of(year, month).isValidDay(day)) {
            throw new IllegalArgumentException("date has a month or day that does not exist");
        }
        return matcher.group(1);
    }

    /**
     * The first two characters of a postal code ({@code 33602 -> "33"}, {@code SW1A 1AA -> "SW"}).
     *
     * @throws IllegalArgumentException if the value is null or does not start with two letters or digits
     */
    public static String postalCodePrefix(String postalCode) {
        if (postalCode == null) {
            throw new IllegalArgumentException("postal code must not be null");
        }
        String code = postalCode.strip();
        if (code.codePointCount(0, code.length()) < 2) {
            throw new IllegalArgumentException("postal code must have at least two characters");
        }
        int end = code.offsetByCodePoints(0, 2);
        String prefix = code.substring(0, end);
        if (!prefix.codePoints().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("postal code must start with two letters or digits");
        }
        return prefix;
    }

    /**
     * One coordinate in degrees, rounded half away from zero to 0.1 degree.
     *
     * @throws IllegalArgumentException if it is not finite or outside -180..180
     */
    public static double coordinate(double degrees) {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("coordinate must be a finite number");
        }
        return round(BigDecimal.valueOf(degrees), MAX_DEGREES, "coordinate");
    }

    /**
     * Coordinates in a JSON tree, rounded to 0.1 degree: either an object {@code {"lat": .., "lon": ..}}
     * or a single number. Numbers may be JSON numbers or decimal strings ({@code "52.0215"}); the
     * result keeps the kind (number or string) of each. Of an object only {@code lat} and
     * {@code lon} are kept: other members (altitude, accuracy, address) are dropped rather than passed
     * on unreviewed. The input is never modified.
     *
     * @throws IllegalArgumentException if the node is null, of another shape, a value is missing or
     *     not a number, or latitude is outside -90..90 or longitude outside -180..180
     */
    public static JsonNode coordinates(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("coordinates must not be null");
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("lat", generalizeNumber(node.get("lat"), MAX_LATITUDE, "lat"));
            out.set("lon", generalizeNumber(node.get("lon"), MAX_DEGREES, "lon"));
            return out;
        }
        return generalizeNumber(node, MAX_DEGREES, "coordinate");
    }

    private static JsonNode generalizeNumber(JsonNode value, BigDecimal limit, String what) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.isNumber()) {
            if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
                throw new IllegalArgumentException(what + " must be a finite number");
            }
            return DoubleNode.valueOf(round(value.decimalValue(), limit, what));
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException(what + " must be a decimal number of degrees");
            }
            return TextNode.valueOf(BigDecimal.valueOf(round(new BigDecimal(text), limit, what)).toPlainString());
        }
        throw new IllegalArgumentException(what + " must be a number (object {lat, lon} or a single number expected)");
    }

    private static double round(BigDecimal degrees, BigDecimal limit, String what) {
        if (degrees.abs().compareTo(limit) > 0) {
            throw new IllegalArgumentException(what + " must be between -" + limit + " and " + limit + " degrees");
        }
        double rounded = degrees.setScale(1, RoundingMode.HALF_UP).doubleValue();
        return rounded == 0.0 ? 0.0 : rounded; // no "-0.0"
    }
}
