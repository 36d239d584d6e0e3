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
 * <p>Overlapping findings are merged into one (of the kind that starts first), so no part of either
 * stays in the text. The scanner holds no state: one instance can serve all threads.
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
        if (Boundaries.containsDigit(text)) {
            List<Span> ibanLookAlikes = new ArrayList<>(0);
            IbanFinder.find(text, found, ibanLookAlikes);
            int beforeNumbers = found.size();
            PhoneFinder.find(text, found);
            CardFinder.find(text, found);
            dropInside(ibanLookAlikes, found, beforeNumbers);
            IpFinder.find(text, found, text.indexOf(':') >= 0);
        }
        NameFinder.find(text, namesInRecord, found);
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
    private static void dropInside(List<Span> lookAlikes, List<Finding> found, int from) {
        if (lookAlikes.isEmpty()) {
            return;
        }
        for (int i = found.size() - 1; i >= from; i--) {
            Finding finding = found.get(i);
            for (Span lookAlike : lookAlikes) {
                if (lookAlike.contains(finding)) {
                    found.remove(i);
                    break;
                }
            }
        }
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
