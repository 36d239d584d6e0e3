package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;

/**
 * IBANs, compact ({@code DE89370400440532013000}) or in groups of four ({@code DE89 3704 0044 0532
 * 0130 00}), upper or lower case. The country code says how long the IBAN is, so the finding ends
 * exactly there; only a mod-97-valid candidate is an IBAN.
 *
 * <p>A candidate of the right shape that fails mod-97 (mostly digits, so it is not a sentence that
 * happens to start like one) is reported as a look-alike: the scanner keeps it intact rather than
 * letting the phone or card rules bite pieces out of it.
 */
final class IbanFinder {

    private IbanFinder() {
    }

    /** At a token start: reports an IBAN, or an IBAN look-alike, that starts here. */
    static void findAt(String text, int start, List<Finding> out, List<Span> lookAlikes) {
        if (start + 4 > text.length() || !startsLikeAnIban(text, start)) {
            return;
        }
        int length = IbanCountries.length(text.charAt(start), text.charAt(start + 1));
        if (length == 0) {
            return;
        }
        int position = start + 4;
        int count = 4;
        int bbanDigits = 0;
        while (count < length && position < text.length()) {
            char c = text.charAt(position);
            if (isAsciiLetterOrDigit(c)) {
                count++;
                position++;
                bbanDigits += Boundaries.isDigit(c) ? 1 : 0;
            } else if (c == ' ' && count % 4 == 0 && position + 1 < text.length()
                    && isAsciiLetterOrDigit(text.charAt(position + 1))) {
                position++;
            } else {
                break;
            }
        }
        if (count != length || !Boundaries.rightOk(text, position)) {
            return;
        }
        if (Checksums.ibanValid(text.subSequence(start, position))) {
            out.add(new Finding(start, position, Kind.IBAN));
        } else if (2 * bbanDigits >= length - 4) {
            lookAlikes.add(new Span(start, position));
        }
    }

    /** Two ASCII letters and two digits. */
    private static boolean startsLikeAnIban(String text, int start) {
        return isAsciiLetter(text.charAt(start)) && isAsciiLetter(text.charAt(start + 1))
                && Boundaries.isDigit(text.charAt(start + 2)) && Boundaries.isDigit(text.charAt(start + 3));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
