package io.werkbridge.privacy.text;

import java.util.Map;

/**
 * IBAN length per country, after the SWIFT IBAN registry (countries that issue IBANs as of 2025).
 * The scanner uses it to know where an IBAN ends in free text; {@link Checksums#ibanValid} uses it to
 * reject a string of the wrong length before the mod-97 check. A country missing here is not an IBAN
 * country for Werkbridge: add it here when the registry adds it.
 */
final class IbanCountries {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22),
            Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24),
            Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20), Map.entry("MR", 27),
            Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    /** Lengths indexed by {@code (first - 'A') * 26 + (second - 'A')}, so a look-up allocates nothing. */
    private static final int[] BY_INDEX = new int[26 * 26];

    static {
        LENGTHS.forEach((country, length) -> BY_INDEX[index(country.charAt(0), country.charAt(1))] = length);
    }

    private IbanCountries() {
    }

    /** The IBAN length for a two-letter country code (either case), or 0 if the country issues none. */
    static int length(char first, char second) {
        char a = Character.toUpperCase(first);
        char b = Character.toUpperCase(second);
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
            return 0;
        }
        return BY_INDEX[index(a, b)];
    }

    private static int index(char a, char b) {
        return (a - 'A') * 26 + (b - 'A');
    }
}
