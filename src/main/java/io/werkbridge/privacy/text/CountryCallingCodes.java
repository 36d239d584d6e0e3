package io.werkbridge.privacy.text;

/**
 * The country calling codes of ITU-T E.164 that are in use (geographic countries and a few global
 * services). Codes are prefix-free, so the one that starts a number is found by trying one, two and
 * three digits. Lets the scanner tell {@code 0049 521 1234567} from a serial number {@code 0010 0000 0000}.
 */
final class CountryCallingCodes {

    private static final String ONE_OR_TWO_DIGITS = "1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 "
            + "51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98";

    private static final String THREE_DIGITS = "211 212 213 216 218 220-258 260-269 290 291 297 298 299 "
            + "350-359 370-383 385 386 387 389 420 421 423 500-509 590-599 670 672-683 685-692 "
            + "800 808 850 852 853 855 856 870 878 880-883 886 888 960-968 970-977 979 992-996 998";

    /** Indexed by the code's value; one- and two-digit codes never collide with three-digit ones. */
    private static final boolean[] ASSIGNED_SHORT = new boolean[100];
    private static final boolean[] ASSIGNED_LONG = new boolean[1000];

    static {
        for (String code : ONE_OR_TWO_DIGITS.split(" ")) {
            ASSIGNED_SHORT[Integer.parseInt(code)] = true;
        }
        for (String range : THREE_DIGITS.split(" ")) {
            int dash = range.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
            for (int code = from; code <= to; code++) {
                ASSIGNED_LONG[code] = true;
            }
        }
    }

    private CountryCallingCodes() {
    }

    /**
     * The length (1 to 3) of the calling code at the start of {@code digits}, or 0 if none is
     * assigned there. {@code digits} holds only digits.
     */
    static int lengthAt(CharSequence digits) {
        int value = 0;
        for (int length = 1; length <= 3 && length <= digits.length(); length++) {
            value = value * 10 + (digits.charAt(length - 1) - '0');
            boolean assigned = length < 3 ? ASSIGNED_SHORT[value] : ASSIGNED_LONG[value];
            if (assigned) {
                return length;
            }
        }
        return 0;
    }
}
