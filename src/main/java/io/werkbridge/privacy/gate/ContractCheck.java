package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.DataProcessor;
import io.werkbridge.privacy.policy.TransferCountries;
import java.time.LocalDate;
import java.util.Optional;

/** Whether a processor's contract lets personal data flow today. */
final class ContractCheck {

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
        if (!TransferCountries.isEuEea(processor.country()) && !TransferCountries.hasMechanism(processor)) {
            return Optional.of(who + " is in a third country (" + processor.country()
                    + ") without a transfer mechanism (adequacy decision, standard contractual clauses or binding corporate rules)");
        }
        return Optional.empty();
    }
}
