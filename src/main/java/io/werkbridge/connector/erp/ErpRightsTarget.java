package io.werkbridge.connector.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.Envelope;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsTarget;
import io.werkbridge.rights.RightsTargetException;
import io.werkbridge.rights.SubjectIds;
import io.werkbridge.rights.TargetOutcome;
import java.util.Optional;

/**
 * The ERP as a rights target over its own web service (enabled with {@code werkbridge.rights.erp-soap.enabled}):
 * access and portability read the customer with lookupCustomer, erasure calls anonymizeBusinessPartner (for the
 * contact when the request names one). Rectification, restriction, objection and consent revocation are the ERP's
 * own business as the system of record: they are answered as such, the hub's gate stops the flows meanwhile.
 */
public final class ErpRightsTarget implements RightsTarget {

    public static final String SYSTEM = "erp";
    private final ErpServiceCalls erp;

    public ErpRightsTarget(ErpServiceCalls erp) {
        this.erp = erp;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        if (subject.customerNumber() == null) {
            return new TargetOutcome("not applicable: the ERP finds business partners by customer number only", null);
        }
        try {
            if (type.collects()) {
                Optional<Envelope> customer = erp.lookup(subject.customerNumber());
                return customer.map(c -> new TargetOutcome("exported", CanonicalJson.write(c.body())))
                        .orElseGet(() -> new TargetOutcome("no data held", null));
            }
            if (type == RightsRequestType.ERASURE) {
                return new TargetOutcome(erp.anonymize(subject.customerNumber(), subject.contactId()), null);
            }
        } catch (ErpCallException e) {
            throw new RightsTargetException(e.getMessage(), e);
        }
        return new TargetOutcome("not applicable: the ERP is the system of record; " + type.id()
                + " is carried out there by its owner", null);
    }
}
