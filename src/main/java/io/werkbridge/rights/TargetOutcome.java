package io.werkbridge.rights;

/**
 * What one system answered: a short result that proves handling ("erased", "de-identified: invoices kept for tax
 * reasons") and, for access and portability, the data it holds as JSON text (null otherwise).
 */
public record TargetOutcome(String result, String data) {
}
