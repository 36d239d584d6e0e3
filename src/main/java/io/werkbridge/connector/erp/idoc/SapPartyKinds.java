package io.werkbridge.connector.erp.idoc;

import io.werkbridge.model.PartyKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an SAP customer or partner is a natural person, from what SAP itself records: the natural-person
 * indicator KNA1-STKZN ({@code X}: natural person; blank is SAP's default and says nothing), the form of address
 * ANRED (its text, "Herr", "Firma", "Mr.", "Company", or a standard key of table TSAD3: 0001 Ms., 0002 Mr.,
 * 0003 Company, 0004 Mr. and Mrs.) and the account group KTOKD, which means "person" only for the groups the
 * operator lists, since account groups are each SAP system's own customizing. Any hint of a person wins over a
 * company form of address (fail closed); no hint at all is {@link PartyKind#UNKNOWN}.
 */
public final class SapPartyKinds {

    /** Forms of address of natural persons: German and English texts of the standard TSAD3 entries, and their keys. */
    private static final Set<String> PERSON_FORMS = Set.of("herr", "herrn", "frau", "herr und frau", "frau und herr",
            "eheleute", "mr", "mrs", "ms", "miss", "mr and mrs", "mr & mrs", "0001", "0002", "0004");
    /** Forms of address of organizations. */
    private static final Set<String> COMPANY_FORMS = Set.of("firma", "company", "0003");

    private final Set<String> personAccountGroups;

    /** @param personAccountGroups the KTOKD values that this SAP system uses for natural persons (may be empty) */
    public SapPartyKinds(List<String> personAccountGroups) {
        this.personAccountGroups = Set.copyOf(personAccountGroups.stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).toList());
    }

    /** A customer master record (E1KNA1M): STKZN, ANRED and KTOKD, each may be null. */
    public PartyKind customer(String naturalPerson, String formOfAddress, String accountGroup) {
        if ("X".equalsIgnoreCase(trimmed(naturalPerson))
                || (accountGroup != null && personAccountGroups.contains(accountGroup.trim().toUpperCase(Locale.ROOT)))) {
            return PartyKind.PERSON;
        }
        return formOfAddress(formOfAddress);
    }

    /** A document partner (E1EDKA1), which carries only its form of address. */
    public static PartyKind formOfAddress(String formOfAddress) {
        String form = normalized(formOfAddress);
        if (PERSON_FORMS.contains(form)) {
            return PartyKind.PERSON;
        }
        return COMPANY_FORMS.contains(form) ? PartyKind.ORGANIZATION : PartyKind.UNKNOWN;
    }

    /** Lower case, dots dropped ("Mr." and "Mr"), inner spaces collapsed. */
    private static String normalized(String form) {
        String text = trimmed(form);
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").trim();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
