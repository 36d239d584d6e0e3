package io.werkbridge.connector.erp.invoice;

import io.werkbridge.model.PartyKind;

/**
 * The kind of an invoice's buyer, by one rule for every syntax (UBL, CII, INVOIC02). EN 16931 has no element that
 * marks a natural person, so a buyer is an organization only when the document gives a legal registration identifier
 * (BT-47: an entry in a register of legal entities, UBL {@code PartyLegalEntity/CompanyID}, CII
 * {@code SpecifiedLegalOrganization/ID}); everything else is {@link PartyKind#UNKNOWN}, which the privacy gate treats
 * as a person. A VAT id (BT-48) alone does not make a buyer an organization: sole traders have VAT ids too.
 */
public final class BuyerKind {

    private BuyerKind() {
    }

    public static PartyKind of(String legalRegistrationId) {
        return legalRegistrationId == null || legalRegistrationId.isBlank() ? PartyKind.UNKNOWN : PartyKind.ORGANIZATION;
    }
}
