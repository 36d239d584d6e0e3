package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.DataProcessor;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Whether a processor's contract lets personal data flow today. */
final class ContractCheck {

    /** EU and EEA member states: no transfer mechanism needed. */
    private static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");
    private static final Set<String> MECHANISMS = Set.of("eu-eea", "adequacy", "scc");

    private ContractCheck() {
    }

    /** @return the reason the contract does not allow a disclosure on {@code today}, or empty when it does */
    static Optional<String> problem(DataProcessor processor, LocalDate today) {
        DataProcessor.Contract contract = processor.contract();
        String who = "processor '" + processor.id() + "'";
        if (!"active".equals(contract.status())) {
            return Optional.of("the contract of " + who + " is " + contract.status() + ", not active");
        }
        if (contract.validFrom() != null && today.isBefore(contract.validFrom())) {
            return Optional.of("the contract of " + who + " is valid only from " + contract.validFrom());
        }
        if (contract.validTo() != null && today.isAfter(contract.validTo())) {
            return Optional.of("the contract of " + who + " expired on " + contract.validTo());
        }
        if (!EU_EEA.contains(processor.country()) && !MECHANISMS.contains(processor.transferMechanism())) {
            return Optional.of(who + " is in a third country (" + processor.country()
                    + ") without a transfer mechanism (adequacy decision or standard contractual clauses)");
        }
        return Optional.empty();
    }
}
