package io.werkbridge.rights;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param disclosures   how long disclosure records are kept (proof of lawful disclosure)
 * @param parkedMessages age after which held and dead-lettered messages (which carry personal data) are flagged as
 *                       expired for an operator's decision; they are never deleted by retention
 * @param afterContract how long after a contract's end the customer's pseudonyms are kept
 * @param exports       how long collected access/portability exports are kept
 * @param dryRun        report what would go without deleting anything
 */
@ConfigurationProperties("werkbridge.retention")
public record RetentionProperties(Period disclosures, Period parkedMessages, Period afterContract, Period exports, boolean dryRun) {

    public RetentionProperties {
        disclosures = disclosures == null ? Period.ofYears(3) : disclosures;
        parkedMessages = parkedMessages == null ? Period.ofDays(30) : parkedMessages;
        afterContract = afterContract == null ? Period.ofMonths(6) : afterContract;
        exports = exports == null ? Period.ofDays(90) : exports;
    }
}
