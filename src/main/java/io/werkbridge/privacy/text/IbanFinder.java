package io.werkbridge.privacy.text;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern HEAD = Pattern.compile("(?<![\\p{L}\\p{N}_])[A-Za-z]{2}\\d{2}");

    private IbanFinder() {
    }

    static void find(String text, List<Finding> out, List<Span> lookAlikes) {
        Matcher matcher = HEAD.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            int length = IbanCountries.length(text.charAt(start), text.charAt(start + 1));
            if (length == 0) {
                continue;
            }
            int position = matcher.end();
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
                continue;
            }
            if (Checksums.ibanValid(text.subSequence(start, position))) {
                out.add(new Finding(start, position, Kind.IBAN));
            } else if (2 * bbanDigits >= length - 4) {
                lookAlikes.add(new Span(start, position));
            }
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
