package io.werkbridge.privacy.operator;

import io.werkbridge.privacy.text.Checksums;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the random token that the {@code tokenize} action sends in place of a value, shaped so that
 * a destination which validates the field still accepts it. The token carries nothing of the value
 * (except, where the shape needs it, its length, digit layout or IBAN country); the mapping token to
 * value is kept in the pseudonym vault by the caller, so only the controller can re-identify.
 *
 * <ul>
 *   <li>{@code email}: {@code tok-<16 base32 characters>@token.invalid} (80 random bits). A valid
 *       address whose top-level domain {@code .invalid} is reserved by RFC 6761 and can never receive
 *       mail.</li>
 *   <li>{@code phone}: {@code +} and as many random digits as the value has (at least 7, at most 15,
 *       the E.164 maximum), the first not 0. Not guaranteed to be an unassigned number: never dial it.</li>
 *   <li>{@code iban}: an IBAN of the value's country and length, whose bank code and account number
 *       are random (letters where the value has letters, digits where it has digits) and whose check
 *       digits are computed, so it passes mod-97 and country-length checks. Not the XX pseudo-country:
 *       targets check the country. The token is random, not derived from the value, so nothing can
 *       turn it back; but it may name an account that exists, so it must never be used for a payment.
 *       Because it is a valid IBAN, the text scanner treats it like one and replaces it as
 *       {@code [iban]} if it ever turns up in free text. Grouping by spaces is kept.</li>
 *   <li>{@code number}: every digit replaced by a random digit, other characters (separators) kept, a
 *       leading non-zero digit stays non-zero; so it has the same length and layout. The Luhn digit is
 *       not preserved, on purpose: a token should not pass for a card number.</li>
 *   <li>{@code text}: {@code tok-<26 base32 characters>} (130 random bits).</li>
 * </ul>
 *
 * Thread-safe: the only state is the {@link SecureRandom}, which is.
 */
public final class TokenShapes {

    /** What a target validates in a tokenized field; the policy names it in lower case. */
    public enum Shape {
        EMAIL, PHONE, IBAN, NUMBER, TEXT;

        /**
         * @param name {@code email}, {@code phone}, {@code iban}, {@code number} or {@code text}, any case
         * @throws IllegalArgumentException for any other name
         */
        public static Shape of(String name) {
            if (name != null) {
                for (Shape shape : values()) {
                    if (shape.name().equalsIgnoreCase(name.strip())) {
                        return shape;
                    }
                }
            }
            throw new IllegalArgumentException("unknown token shape, expected one of email, phone, iban, number, text");
        }
    }

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int EMAIL_RANDOM_CHARS = 16;
    private static final int TEXT_RANDOM_CHARS = 26;
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;

    private final SecureRandom random;

    public TokenShapes() {
        this(new SecureRandom());
    }

    public TokenShapes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param value the value the token stands for; not null
     * @param shape what the token must look like
     * @return a fresh random token, never equal to the value itself (with a short number the same
     *     digits could otherwise come up by chance and go out as if untokenized)
     * @throws IllegalArgumentException if the value is null or empty, or does not fit the shape
     *     (an IBAN that fails mod-97, a number without digits)
     */
    public String token(String value, Shape shape) {
        Objects.requireNonNull(shape, "shape");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("value to tokenize must not be null or empty");
        }
        String token;
        do {
            token = switch (shape) {
                case EMAIL -> "tok-" + base32(EMAIL_RANDOM_CHARS) + "@token.invalid";
                case PHONE -> phone(value);
                case IBAN -> iban(value);
                case NUMBER -> number(value);
                case TEXT -> "tok-" + base32(TEXT_RANDOM_CHARS);
            };
        } while (token.equals(value));
        return token;
    }

    private String phone(String value) {
        long digitCount = value.chars().filter(c -> c >= '0' && c <= '9').count();
        int length = (int) Math.max(MIN_PHONE_DIGITS, Math.min(MAX_PHONE_DIGITS, digitCount));
        StringBuilder token = new StringBuilder(length + 1).append('+').append(nonZeroDigit());
        for (int i = 1; i < length; i++) {
            token.append(digit());
        }
        return token.toString();
    }

    private String iban(String value) {
        if (!Checksums.ibanValid(value)) {
            throw new IllegalArgumentException("iban token needs a valid IBAN as value (country, length or mod-97 check failed)");
        }
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        String country = compact.substring(0, 2);
        StringBuilder bban = new StringBuilder(compact.length() - 4);
        for (int i = 4; i < compact.length(); i++) {
            bban.append(Character.isDigit(compact.charAt(i)) ? digit() : letter());
        }
        String token = country + Checksums.ibanCheckDigits(country, bban.toString()) + bban;
        return value.indexOf(' ') >= 0 ? groupsOfFour(token) : token;
    }

    private String number(String value) {
        StringBuilder token = new StringBuilder(value.length());
        boolean first = true;
        boolean anyDigit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                token.append(first && c != '0' ? nonZeroDigit() : digit());
                first = false;
                anyDigit = true;
            } else {
                token.append(c);
            }
        }
        if (!anyDigit) {
            throw new IllegalArgumentException("number token needs a value with digits");
        }
        return token.toString();
    }

    private static String groupsOfFour(String compact) {
        StringBuilder grouped = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(compact.charAt(i));
        }
        return grouped.toString();
    }

    private String base32(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(chars);
    }

    private char digit() {
        return (char) ('0' + random.nextInt(10));
    }

    private char nonZeroDigit() {
        return (char) ('1' + random.nextInt(9));
    }

    private char letter() {
        return (char) ('A' + random.nextInt(26));
    }
}
