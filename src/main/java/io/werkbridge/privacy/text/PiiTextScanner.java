package io.werkbridge.privacy.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds personal data in free text (remarks, service-report work descriptions, ticket descriptions)
 * and replaces it with a marker of its kind: {@code [email]}, {@code [phone]}, {@code [iban]},
 * {@code [card]}, {@code [ip]}, {@code [name]}.
 *
 * <p>What is found, and what is deliberately left alone (part, order and invoice numbers, dates,
 * times, amounts, serial numbers), is described per kind in {@code docs/privacy-operators.md}. In
 * short: e-mail addresses; phone numbers that start with {@code +}, {@code 00} or a German area code;
 * mod-97-valid IBANs; Luhn-valid card numbers of 13-19 digits; IPv4 and IPv6 literals (a dotted quad
 * of 0-255 is always an IP, even where it was meant as a version); and the names the same record
 * carries, as whole words regardless of case. Number-like findings must stand apart from the words
 * and numbers around them, so {@code ORD-2026-000123} or {@code 20.11.2026} never match.
 *
 * <p>E-mail addresses are found from each {@code @}; everything else in one pass over the text that
 * does work only where a token starts (figures in {@code docs/benchmarks.md}). Overlapping findings are
 * merged into one (of the kind that starts first), so no part of either stays in the text. The
 * scanner holds no state: one instance can serve all threads.
 */
public final class PiiTextScanner {

    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::start)
            .thenComparing(Comparator.comparingInt(Finding::end).reversed())
            .thenComparing(Finding::kind);

    /**
     * The findings in {@code text}, ordered by position and not overlapping.
     *
     * @param text the free text; not null
     * @param namesInRecord names the record carries (first names, last names, full names); null
     *     entries and names shorter than two characters are ignored; not null itself
     * @return an unmodifiable list, empty if nothing was found
     */
    public List<Finding> find(String text, Collection<String> namesInRecord) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(namesInRecord, "namesInRecord");
        List<Finding> found = new ArrayList<>();
        if (text.indexOf('@') >= 0) {
            EmailFinder.find(text, found);
        }
        NameFinder names = NameFinder.of(namesInRecord);
        boolean colons = text.indexOf(':') >= 0;
        PhoneFinder phones = new PhoneFinder(text);
        List<Span> ibanLookAlikes = new ArrayList<>(0);
        int cardRunEnd = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(previous)) {
                if (names.mayStartWith(c)) {
                    names.findAt(text, i, found);
                }
                if (previous != '_') {
                    // a token starts here: the only places a number-like finding may start
                    if (c >= '0' && c <= '9') {
                        if (i >= cardRunEnd) {
                            cardRunEnd = CardFinder.findAt(text, i, found);
                        }
                        if (c == '0') {
                            phones.findAt(i, previous, found);
                        }
                        IpFinder.findAt(text, i, previous, found);
                    } else if (c == '+' || c == '(') {
                        phones.findAt(i, previous, found);
                    } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                        IbanFinder.findAt(text, i, found, ibanLookAlikes);
                        if (colons && (c <= 'F' || c >= 'a' && c <= 'f')) {
                            IpFinder.findAt(text, i, previous, found);
                        }
                    } else if (c == ':') {
                        IpFinder.findAt(text, i, previous, found);
                    }
                }
            }
            previous = c;
        }
        dropPiecesOf(ibanLookAlikes, found);
        return merge(found);
    }

    /**
     * {@code text} with every finding replaced by its kind's marker; the same string if nothing was
     * found, so technical text passes through byte for byte.
     *
     * @see #find(String, Collection)
     */
    public String scrub(String text, Collection<String> namesInRecord) {
        List<Finding> findings = find(text, namesInRecord);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Finding finding : findings) {
            out.append(text, copied, finding.start()).append(finding.kind().marker());
            copied = finding.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Phone and card findings inside an IBAN look-alike are pieces of it, not numbers of their own. */
    private static void dropPiecesOf(List<Span> lookAlikes, List<Finding> found) {
        if (lookAlikes.isEmpty()) {
            return;
        }
        found.removeIf(finding -> (finding.kind() == Finding.Kind.PHONE || finding.kind() == Finding.Kind.CARD)
                && lookAlikes.stream().anyMatch(lookAlike -> lookAlike.contains(finding)));
    }

    private static List<Finding> merge(List<Finding> found) {
        if (found.size() <= 1) {
            return List.copyOf(found);
        }
        found.sort(BY_POSITION);
        List<Finding> merged = new ArrayList<>(found.size());
        Finding current = found.get(0);
        for (int i = 1; i < found.size(); i++) {
            Finding next = found.get(i);
            if (next.start() < current.end()) {
                if (next.end() > current.end()) {
                    current = new Finding(current.start(), next.end(), current.kind());
                }
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return List.copyOf(merged);
    }
}
