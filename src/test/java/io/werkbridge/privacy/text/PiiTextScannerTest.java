package io.werkbridge.privacy.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.privacy.text.Finding.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Behaviour of the API; the bulk of the detection rules is covered by {@link ScrubCorpusTest}. */
class PiiTextScannerTest {

    private final PiiTextScanner scanner = new PiiTextScanner();

    @Test
    void findReportsPositionAndKindInTextOrder() {
        String text = "Tel 0521 1234567, Mail erika@example.com, IP 192.0.2.1";

        List<Finding> findings = scanner.find(text, List.of());

        assertThat(findings).extracting(Finding::kind).containsExactly(Kind.PHONE, Kind.EMAIL, Kind.IP);
        assertThat(findings).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isNotBlank());
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo("erika@example.com");
    }

    @Test
    void findingToStringHoldsNoValue() {
        String text = "Mail erika@example.com";

        Finding finding = scanner.find(text, List.of()).get(0);

        assertThat(finding.toString()).doesNotContain("erika").doesNotContain("example")
                .contains("EMAIL").contains("5").contains("22");
    }

    @Test
    void overlappingFindingsAreMergedSoNoPartStays() {
        // the name is inside the e-mail address; both go as one e-mail finding
        String text = "Von erika.mustermann@example.com";

        List<Finding> findings = scanner.find(text, List.of("Mustermann"));

        assertThat(findings).containsExactly(new Finding(4, text.length(), Kind.EMAIL));
        assertThat(scanner.scrub(text, List.of("Mustermann"))).isEqualTo("Von [email]");
    }

    @Test
    void shiftedLuhnHitsAroundACardAreMergedIntoOne() {
        // whichever stretches of "2026 4111 ..." pass Luhn, the card number as a whole is covered
        String text = "Jahr 2026 4111 1111 1111 1111 Ende";

        assertThat(scanner.scrub(text, List.of())).doesNotContain("4111").endsWith("[card] Ende");
    }

    @Test
    void returnsTheSameStringWhenNothingIsFound() {
        String text = "DMU-50-3 ORD-2026-000123 2026-11-20 1.234,56 EUR";

        assertThat(scanner.scrub(text, List.of("Erika"))).isSameAs(text);
        assertThat(scanner.find(text, List.of("Erika"))).isEmpty();
    }

    @Test
    void handlesEmptyTextAndTextWithoutDigits() {
        assertThat(scanner.scrub("", List.of("Erika"))).isEmpty();
        assertThat(scanner.scrub("Erika kam", List.of("Erika"))).isEqualTo("[name] kam");
    }

    @Test
    void ignoresNullBlankAndOneCharacterNames() {
        List<String> names = Arrays.asList(null, "", "  ", "E", "\uD83D\uDE00", "Mustermann");

        assertThat(scanner.scrub("E. Mustermann \uD83D\uDE00", names)).isEqualTo("E. [name] \uD83D\uDE00");
    }

    @Test
    void namesMatchWholeWordsOnly() {
        List<String> names = List.of("Anna");

        assertThat(scanner.scrub("Anna, Annabell, Hanna, ANNA.", names)).isEqualTo("[name], Annabell, Hanna, [name].");
    }

    @Test
    void longerNameWinsOverItsPrefix() {
        assertThat(scanner.find("Anna Maria kam", List.of("Anna", "Anna Maria")))
                .containsExactly(new Finding(0, 10, Kind.NAME));
    }

    @Test
    void namesWithCharactersOutsideTheBasicPlaneMatch() {
        String name = "\uD840\uDC0Bxyz"; // a supplementary ideograph, then letters

        assertThat(scanner.scrub("von " + name + " gemeldet", List.of(name))).isEqualTo("von [name] gemeldet");
    }

    @Test
    void ibanLookAlikeIsNotCutIntoPhoneOrCardPieces() {
        // fails mod-97; without the look-alike rule "0044 0532 0130 01" would pass for a phone number
        String text = "Konto DE89 3704 0044 0532 0130 01 prüfen";

        assertThat(scanner.scrub(text, List.of())).isSameAs(text);
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> scanner.scrub(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> scanner.find("text", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void findingRejectsAnEmptyOrNegativeRange() {
        assertThatThrownBy(() -> new Finding(3, 3, Kind.IP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding(-1, 3, Kind.IP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        String text = "Erika (erika@example.com, 0521 1234567, DE89 3704 0044 0532 0130 00, 4111 1111 1111 1111)";
        String expected = "[name] ([email], [phone], [iban], [card])";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> expected.equals(scanner.scrub(text, List.of("Erika")))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longPathologicalInputsStayFast() {
        String digits = "0123456789".repeat(2_000);
        String spacedZeros = "0 ".repeat(10_000);
        String atSigns = "a@".repeat(10_000);
        String colons = "a:b:".repeat(5_000);
        String letters = "x".repeat(20_000) + "@example.com";

        long start = System.nanoTime();
        for (String text : List.of(digits, spacedZeros, atSigns, colons, letters)) {
            scanner.scrub(text, List.of("Erika"));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // generous bound for a shared CI machine; quadratic behaviour would take seconds
        assertThat(millis).isLessThan(2_000);
    }
}
