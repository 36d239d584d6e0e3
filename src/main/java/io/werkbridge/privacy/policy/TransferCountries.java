package io.werkbridge.privacy.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where personal data may go without more (Chapter V GDPR): the EU and EEA member states, and the countries with an
 * adequacy decision of the European Commission (Art. 45). Everything else needs standard contractual clauses or
 * binding corporate rules (Art. 46/47). Review this list when the Commission adopts, amends or withdraws a decision.
 */
public final class TransferCountries {

    /** EU member states (ISO 3166-1 alpha-2; Greece is GR) and the EEA states Iceland, Liechtenstein and Norway. */
    private static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    /**
     * Countries with an adequacy decision, and what it covers. The United States is adequate only for organisations
     * certified under the EU-US Data Privacy Framework: a processor there says so with {@code dataPrivacyFramework}.
     */
    private static final Map<String, String> ADEQUATE = Map.ofEntries(
            Map.entry("AD", "Andorra"),                 // Decision 2010/625/EU, 19 October 2010
            Map.entry("AR", "Argentina"),               // Decision 2003/490/EC, 30 June 2003
            Map.entry("CA", "Canada"),                  // Decision 2002/2/EC, 20 December 2001 (commercial organisations under PIPEDA)
            Map.entry("CH", "Switzerland"),             // Decision 2000/518/EC, 26 July 2000
            Map.entry("FO", "Faroe Islands"),           // Decision 2010/146/EU, 5 March 2010
            Map.entry("GB", "United Kingdom"),          // Decision (EU) 2021/1772, 28 June 2021 (GDPR)
            Map.entry("GG", "Guernsey"),                // Decision 2003/821/EC, 21 November 2003
            Map.entry("IL", "Israel"),                  // Decision 2011/61/EU, 31 January 2011
            Map.entry("IM", "Isle of Man"),             // Decision 2004/411/EC, 28 April 2004
            Map.entry("JE", "Jersey"),                  // Decision 2008/393/EC, 8 May 2008
            Map.entry("JP", "Japan"),                   // Decision (EU) 2019/419, 23 January 2019
            Map.entry("KR", "Republic of Korea"),       // Decision (EU) 2022/254, 17 December 2021
            Map.entry("NZ", "New Zealand"),             // Decision 2013/65/EU, 19 December 2012
            Map.entry("UY", "Uruguay"),                 // Decision 2012/484/EU, 21 August 2012
            Map.entry("US", "United States"));          // Decision (EU) 2023/1795, 10 July 2023: DPF-certified organisations only

    /** Transfer mechanisms a processor may declare. */
    public static final Set<String> MECHANISMS = Set.of("eu-eea", "adequacy", "scc", "bcr", "none");

    private TransferCountries() {
    }

    public static boolean isEuEea(String country) {
        return EU_EEA.contains(country);
    }

    /** Whether personal data may flow to {@code processor} without a further safeguard or on the one it declares. */
    public static boolean hasMechanism(DataProcessor processor) {
        return !"none".equals(processor.transferMechanism()) && mismatch(processor).isEmpty();
    }

    /**
     * Why the processor's declared transfer mechanism does not fit its country, or empty when it does. {@code none}
     * is a consistent declaration (no personal data flows: the gate holds it), not a mismatch.
     */
    public static Optional<String> mismatch(DataProcessor processor) {
        String country = processor.country();
        String mechanism = processor.transferMechanism();
        boolean dpf = processor.dataPrivacyFramework();
        if (dpf && !"US".equals(country)) {
            return Optional.of("dataPrivacyFramework is a certification of US organisations, but the processor is in " + country);
        }
        return switch (mechanism) {
            case "eu-eea" -> isEuEea(country) ? Optional.empty()
                    : Optional.of("declares eu-eea, but " + country + " is not an EU/EEA country: declare adequacy (only for a country "
                    + "with an adequacy decision), scc or bcr");
            case "adequacy" -> {
                if (isEuEea(country)) {
                    yield Optional.of("declares adequacy, but " + country + " is in the EU/EEA: declare eu-eea");
                }
                if ("US".equals(country) && !dpf) {
                    yield Optional.of("declares adequacy for the US, which covers only organisations certified under the EU-US Data "
                            + "Privacy Framework: set dataPrivacyFramework: true if it is certified, or declare scc or bcr");
                }
                yield ADEQUATE.containsKey(country) ? Optional.empty()
                        : Optional.of("declares adequacy, but " + country + " has no adequacy decision: declare scc or bcr");
            }
            default -> Optional.empty(); // scc, bcr: valid anywhere; none: nothing personal flows
        };
    }
}
