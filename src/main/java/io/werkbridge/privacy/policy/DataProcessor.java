package io.werkbridge.privacy.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A company that receives personal data under an Art. 28 GDPR contract, with what that contract allows.
 *
 * @param country              ISO 3166-1 alpha-2 code of the company's seat
 * @param transferMechanism    eu-eea, adequacy, scc, bcr or none ({@link TransferCountries})
 * @param dataPrivacyFramework a US company certified under the EU-US Data Privacy Framework (the only US companies the
 *                             adequacy decision covers)
 * @param categories           the categories (or their ancestors) the contract covers
 * @param noHubFlow            why the hub sends this processor nothing (its service gets its data elsewhere), or null
 *                             when destinations of the hub deliver to it
 */
public record DataProcessor(
        String id,
        String name,
        String address,
        String country,
        String role,
        Contract contract,
        String transferMechanism,
        boolean dataPrivacyFramework,
        List<String> purposes,
        List<String> categories,
        String noHubFlow) {

    public DataProcessor {
        noHubFlow = noHubFlow == null || noHubFlow.isBlank() ? null : noHubFlow.strip();
        purposes = List.copyOf(purposes);
        categories = List.copyOf(categories);
    }

    /** A processor the hub's destinations deliver to. */
    public DataProcessor(String id, String name, String address, String country, String role, Contract contract,
                         String transferMechanism, boolean dataPrivacyFramework, List<String> purposes, List<String> categories) {
        this(id, name, address, country, role, contract, transferMechanism, dataPrivacyFramework, purposes, categories, null);
    }

    /** Whether the contract covers a category (directly or through an ancestor). */
    public boolean covers(String category) {
        return categories.stream().anyMatch(allowed -> Taxonomy.within(category, allowed));
    }

    /** The data-processing contract; {@code sample} marks references invented for the default register. */
    public record Contract(String reference, boolean sample, LocalDate validFrom, LocalDate validTo, String status) {
    }
}
