package io.werkbridge.privacy.text;

import java.util.Objects;

/**
 * Check-digit algorithms that tell a real IBAN or payment card number from a look-alike.
 * Pure functions; {@code null} arguments throw {@link NullPointerException}, malformed input is
 * simply "not valid".
 */
public final class Checksums {

    private Checksums() {
    }

    /**
     * Whether {@code iban} is an IBAN: a country that issues IBANs, that country's length, only
     * letters and digits after the two check digits, and ISO 7064 mod 97-10 remainder 1.
     * Spaces anywhere and lower-case letters are accepted ({@code "de89 3704 ..."}).
     */
    public static boolean ibanValid(CharSequence iban) {
        Objects.requireNonNull(iban, "iban");
        String compact = compactIban(iban);
        if (compact == null || compact.length() < 5) {
            return false;
        }
        int expectedLength = IbanCountries.length(compact.charAt(0), compact.charAt(1));
        if (expectedLength == 0 || compact.length() != expectedLength
                || !isDigit(compact.charAt(2)) || !isDigit(compact.charAt(3))) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /**
     * The two check digits that make {@code country + digits + bban} a mod-97-valid IBAN.
     *
     * @param country two upper-case letters
     * @param bban the basic bank account number: upper-case letters and digits
     * @throws IllegalArgumentException if the country or the BBAN has characters an IBAN cannot hold
     */
    public static String ibanCheckDigits(String country, String bban) {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(bban, "bban");
        if (country.length() != 2 || !isUpper(country.charAt(0)) || !isUpper(country.charAt(1))) {
            throw new IllegalArgumentException("IBAN country must be two upper-case letters A-Z");
        }
        for (int i = 0; i < bban.length(); i++) {
            if (!isUpper(bban.charAt(i)) && !isDigit(bban.charAt(i))) {
                throw new IllegalArgumentException("BBAN must hold only upper-case letters A-Z and digits");
            }
        }
        int check = 98 - mod97(bban + country + "00");
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /**
     * Whether {@code number} passes the Luhn (mod 10) check. Spaces and dashes are ignored; any other
     * non-digit, or fewer than two digits, makes it invalid.
     */
    public static boolean luhnValid(CharSequence number) {
        Objects.requireNonNull(number, "number");
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return digits >= 2 && luhnSum(number) % 10 == 0;
    }

    /**
     * The Luhn check digit to append to {@code payload} (digits only) so that the result passes
     * {@link #luhnValid}.
     *
     * @throws IllegalArgumentException if the payload is empty or holds a non-digit
     */
    public static char luhnCheckDigit(CharSequence payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length() == 0) {
            throw new IllegalArgumentException("Luhn payload must not be empty");
        }
        for (int i = 0; i < payload.length(); i++) {
            if (!isDigit(payload.charAt(i))) {
                throw new IllegalArgumentException("Luhn payload must hold only digits");
            }
        }
        int sum = luhnSum(payload + "0");
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Sum of the digits, every second one from the right doubled (minus 9 above 9); others skipped. */
    private static int luhnSum(CharSequence number) {
        int sum = 0;
        int position = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (position % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            position++;
        }
        return sum;
    }

    /** Upper-case letters and digits without spaces, or null if anything else occurs. */
    private static String compactIban(CharSequence iban) {
        StringBuilder compact = new StringBuilder(iban.length());
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (c == ' ') {
                continue;
            }
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (!isUpper(upper) && !isDigit(upper)) {
                return null;
            }
            compact.append(upper);
        }
        return compact.toString();
    }

    /** ISO 7064 mod 97-10 of upper-case letters (A = 10 ... Z = 35) and digits. */
    private static int mod97(String s) {
        int remainder = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
