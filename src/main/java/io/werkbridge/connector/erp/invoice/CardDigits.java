package io.werkbridge.connector.erp.invoice;

/**
 * BT-87 is the last four to six digits of a payment card, never its whole number (EN 16931, PCI DSS). A document that
 * carries more is cut to its last four digits here, so that a full card number never leaves the reader.
 */
public final class CardDigits {

    private CardDigits() {
    }

    public static String lastDigits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() <= 6) {
            return digits.isEmpty() ? null : digits;
        }
        return digits.substring(digits.length() - 4);
    }
}
