package io.werkbridge.rights;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** How a request names its data subject: customer number and contact id, or e-mail address. */
public record SubjectIds(String customerNumber, String contactId, String email) {

    private static final Pattern REF = Pattern.compile("[0-9A-Za-z\\-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}");

    public SubjectIds {
        if (customerNumber == null && email == null) {
            throw new IllegalArgumentException("name the subject by customerNumber (and contactId) or by email");
        }
        if (customerNumber != null && !REF.matcher(customerNumber).matches()) {
            throw new IllegalArgumentException("customerNumber must be 1-40 letters, digits or '-'");
        }
        if (contactId != null && !REF.matcher(contactId).matches()) {
            throw new IllegalArgumentException("contactId must be 1-40 letters, digits or '-'");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email is not an e-mail address");
        }
    }

    /** The references the disclosure log, the vault and the restrictions use. */
    public Set<String> refs() {
        Set<String> refs = new LinkedHashSet<>();
        if (customerNumber != null) {
            refs.add(customerNumber);
        }
        if (contactId != null) {
            refs.add(contactId);
        }
        return refs;
    }

    /**
     * The one data subject the request is about, as the gate, the vault and the restrictions key it: the customer
     * number for the customer, {@code customer/contact} for one of its contacts (or technicians, users), never the
     * customer number alone for a person. Null when the subject is named by e-mail only.
     */
    public String subjectKey() {
        return customerNumber == null ? null : io.werkbridge.privacy.gate.SubjectKeys.of(customerNumber, contactId);
    }

    /** The most specific reference: the contact when given, else the customer. */
    public String primaryRef() {
        return contactId != null ? contactId : customerNumber;
    }
}
