package io.werkbridge.privacy.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.privacy.text.Finding.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the scanner over generated data: personal values embedded in technical filler are
 * always found and replaced, and filler alone always passes unchanged. All values are generated.
 */
class ScrubProperties {

    private static final List<String> NAMES = List.of("Erika", "Mustermann");

    private final PiiTextScanner scanner = new PiiTextScanner();

    /** A generated personal value and the kind the scanner must report for it. */
    record Pii(String value, Kind kind) {
    }

    @Property(tries = 1500)
    void personalValueInTechnicalFillerIsAlwaysReplaced(
            @ForAll("filler") @Size(max = 12) List<String> filler,
            @ForAll("personalValues") Pii pii,
            @ForAll @IntRange(min = 0, max = 12) int position) {
        List<String> parts = new ArrayList<>(filler);
        int at = Math.min(position, parts.size());
        parts.add(at, pii.value());
        String text = String.join(" ", parts);
        int start = String.join(" ", parts.subList(0, at)).length() + (at == 0 ? 0 : 1);
        int end = start + pii.value().length();

        List<Finding> findings = scanner.find(text, NAMES);
        String scrubbed = scanner.scrub(text, NAMES);

        assertThat(findings)
                .as("a finding covers %s in: %s", pii.kind(), text)
                .anySatisfy(f -> assertThat(f.start() <= start && end <= f.end()).isTrue());
        assertThat(scrubbed).contains(pii.kind().marker());
        if (!String.join(" ", filler).contains(pii.value())) {
            assertThat(scrubbed).doesNotContain(pii.value());
        }
    }

    @Property(tries = 1500)
    void technicalFillerAlonePassesUnchanged(@ForAll("filler") @Size(min = 1, max = 20) List<String> filler) {
        String text = String.join(" ", filler);

        assertThat(scanner.find(text, NAMES)).as("findings in: %s", text).isEmpty();
        assertThat(scanner.scrub(text, NAMES)).isSameAs(text);
    }

    @Property(tries = 1000)
    void findingsOfAnyTextAreOrderedDisjointAndInBounds(@ForAll String text) {
        List<Finding> findings = scanner.find(text, NAMES);

        int previousEnd = 0;
        for (Finding finding : findings) {
            assertThat(finding.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(finding.end()).isLessThanOrEqualTo(text.length());
            previousEnd = finding.end();
        }
        assertThat(scanner.scrub(text, NAMES)).isNotNull();
    }

    // --- personal values ------------------------------------------------------------------------

    @Provide
    Arbitrary<Pii> personalValues() {
        return Arbitraries.oneOf(
                ibans().map(v -> new Pii(v, Kind.IBAN)),
                cards().map(v -> new Pii(v, Kind.CARD)),
                emails().map(v -> new Pii(v, Kind.EMAIL)),
                phones().map(v -> new Pii(v, Kind.PHONE)),
                ipv4s().map(v -> new Pii(v, Kind.IP)));
    }

    /** Valid IBANs of six countries, each with its own BBAN structure, compact or in groups of four. */
    @Provide
    Arbitrary<String> ibans() {
        Arbitrary<String> bban = Arbitraries.oneOf(
                digits(18).map(b -> "DE" + b),
                digits(16).map(b -> "AT" + b),
                Combinators.combine(upper(4), digits(10)).as((bank, account) -> "NL" + bank + account),
                Combinators.combine(digits(10), alnum(11), digits(2)).as((bank, account, key) -> "FR" + bank + account + key),
                Combinators.combine(upper(4), digits(14)).as((bank, account) -> "GB" + bank + account),
                Combinators.combine(digits(5), alnum(12)).as((bank, account) -> "CH" + bank + account));
        Arbitrary<String> compact = bban.map(b -> {
            String country = b.substring(0, 2);
            String rest = b.substring(2);
            return country + Checksums.ibanCheckDigits(country, rest) + rest;
        });
        return Combinators.combine(compact, Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((iban, grouped, lower) -> {
                    String written = grouped ? groupsOfFour(iban) : iban;
                    return lower ? written.toLowerCase(Locale.ROOT) : written;
                });
    }

    /** Luhn-valid Visa, Mastercard (51-55 and 2221-2720), Amex and Discover numbers in the usual layouts. */
    @Provide
    Arbitrary<String> cards() {
        Arbitrary<String> visa = Combinators.combine(Arbitraries.of(13, 16), Arbitraries.of("4")).as((n, p) -> p + "/" + n);
        Arbitrary<String> master = Arbitraries.oneOf(
                Arbitraries.integers().between(51, 55).map(p -> p + "/16"),
                Arbitraries.integers().between(2221, 2720).map(p -> p + "/16"));
        Arbitrary<String> amex = Arbitraries.of("34/15", "37/15");
        Arbitrary<String> discover = Arbitraries.of("6011/16");
        Arbitrary<String> prefixAndLength = Arbitraries.oneOf(visa, master, amex, discover);
        Arbitrary<String> number = Combinators.combine(prefixAndLength, digits(18)).as((spec, random) -> {
            String prefix = spec.substring(0, spec.indexOf('/'));
            int length = Integer.parseInt(spec.substring(spec.indexOf('/') + 1));
            String payload = prefix + random.substring(0, length - 1 - prefix.length());
            return payload + Checksums.luhnCheckDigit(payload);
        });
        return Combinators.combine(number, Arbitraries.of("", " ", "-")).as(ScrubProperties::cardLayout);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> local = Combinators.combine(word, word, Arbitraries.of("", ".", "_", "+", "-"))
                .as((a, b, join) -> join.isEmpty() ? a : a + join + b);
        Arbitrary<String> domain = Combinators.combine(word, Arbitraries.of("example.com", "example.org", "example.de", "test"))
                .as((sub, base) -> sub + "." + base);
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
    }

    /** German national and international notations with plausible area codes and subscriber numbers. */
    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> area = Combinators.combine(Arbitraries.integers().between(2, 9), digits(3))
                .as((first, rest) -> first + rest.substring(0, 2));
        Arbitrary<String> subscriber = Combinators.combine(Arbitraries.integers().between(1, 9), digits(7),
                        Arbitraries.integers().between(4, 7))
                .as((first, rest, length) -> first + rest.substring(0, length));
        Arbitrary<String> layout = Arbitraries.of(
                "0A S", "0A/S", "0A-S", "0A / S", "(0A) S", "+49 A S", "+49 (0)A S", "0049 A S", "+49AS", "+49-A-S");
        return Combinators.combine(layout, area, subscriber)
                .as((l, a, s) -> l.replace("A", a).replace("S", s));
    }

    @Provide
    Arbitrary<String> ipv4s() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    // --- technical filler -----------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> filler() {
        return Arbitraries.oneOf(partNumbers(), orderNumbers(), dates(), amounts(), times(), serials(),
                versions(), Arbitraries.of("Spindel", "Achse", "Wartung", "Alarm", "Vorschub", "gewechselt",
                        "am", "um", "Menge", "Stück", "DMU", "und", "mm", "1/min", "OK"))
                .list();
    }

    private static Arbitrary<String> partNumbers() {
        Arbitrary<String> prefix = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> generic = Combinators.combine(prefix, digitsBetween(2, 9), digitsBetween(0, 4))
                .as((p, main, suffix) -> p + "-" + main + (suffix.isEmpty() ? "" : "-" + suffix));
        Arbitrary<String> pn = Combinators.combine(digits(4), digits(4), digits(4))
                .as((a, b, c) -> "PN " + a + "-" + b + "-" + c);
        return Arbitraries.oneOf(generic, pn, Arbitraries.of("DMU-50-3", "A2C-123456789"));
    }

    private static Arbitrary<String> orderNumbers() {
        Arbitrary<Integer> year = Arbitraries.integers().between(2000, 2035);
        return Arbitraries.oneOf(
                Combinators.combine(year, digits(6)).as((y, n) -> "ORD-" + y + "-" + n),
                Combinators.combine(year, digits(4)).as((y, n) -> "INV " + y + "/" + n),
                digits(6).map(n -> "RE-" + n));
    }

    private static Arbitrary<String> dates() {
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 365 * 35)
                .map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
        Arbitrary<String> pattern = Arbitraries.of("yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "yyyy-MM-dd'T'HH:mm:ss'Z'");
        return Combinators.combine(date, pattern, Arbitraries.integers().between(0, 86_399))
                .as((d, p, second) -> d.atStartOfDay().plusSeconds(second).format(DateTimeFormatter.ofPattern(p)));
    }

    /** Amounts below one billion with German or English grouping and two decimals. */
    private static Arbitrary<String> amounts() {
        Arbitrary<Long> cents = Arbitraries.longs().between(0, 99_999_999_999L);
        return Combinators.combine(cents, Arbitraries.of(Locale.GERMANY, Locale.US), Arbitraries.of("", " EUR", "€ "))
                .as((c, locale, currency) -> {
                    String number = String.format(locale, "%,.2f", c / 100.0);
                    return currency.startsWith("€") ? currency + number : number + currency;
                });
    }

    private static Arbitrary<String> times() {
        Arbitrary<Integer> hour = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
        return Combinators.combine(hour, minute, minute, Arbitraries.of(false, true))
                .as((h, m, s, withSeconds) -> String.format("%02d:%02d", h, m) + (withSeconds ? String.format(":%02d", s) : ""));
    }

    /** Serial numbers: "SN" and ten digits, or 14 digits that fail Luhn. */
    private static Arbitrary<String> serials() {
        Arbitrary<String> tenDigits = Combinators.combine(Arbitraries.integers().between(1, 9), digits(9))
                .as((first, rest) -> "SN " + first + rest);
        Arbitrary<String> fourteen = Combinators.combine(Arbitraries.integers().between(1, 9), digits(12))
                .as((first, rest) -> {
                    String payload = first + rest;
                    char valid = Checksums.luhnCheckDigit(payload);
                    return payload + (char) ('0' + (valid - '0' + 1) % 10);
                });
        return Arbitraries.oneOf(tenDigits, fourteen);
    }

    private static Arbitrary<String> versions() {
        Arbitrary<Integer> part = Arbitraries.integers().between(0, 20);
        return Arbitraries.oneOf(
                Combinators.combine(part, part, part).as((a, b, c) -> a + "." + b + "." + c),
                Combinators.combine(part, part, part, part).as((a, b, c, d) -> "v" + a + "." + b + "." + c + "." + d));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().numeric().ofLength(length);
    }

    private static Arbitrary<String> digitsBetween(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<String> upper(int length) {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(length);
    }

    private static Arbitrary<String> alnum(int length) {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(length);
    }

    private static String groupsOfFour(String compact) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }

    private static String cardLayout(String number, String separator) {
        if (separator.isEmpty()) {
            return number;
        }
        int[] groups = number.length() == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4, 4};
        StringBuilder out = new StringBuilder();
        int position = 0;
        for (int group : groups) {
            if (position >= number.length()) {
                break;
            }
            if (position > 0) {
                out.append(separator);
            }
            int end = Math.min(position + group, number.length());
            out.append(number, position, end);
            position = end;
        }
        return out.toString();
    }
}
