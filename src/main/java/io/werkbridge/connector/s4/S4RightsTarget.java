package io.werkbridge.connector.s4;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsTarget;
import io.werkbridge.rights.RightsTargetException;
import io.werkbridge.rights.SubjectIds;
import io.werkbridge.rights.TargetOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * S/4HANA as a rights target (with {@code werkbridge.s4.enabled}): erasure and restriction block the business
 * partner, as SAP does it (SAP's end-of-purpose blocking; deletion follows by the system's retention rules, which
 * the hub does not override): the partner is found by its customer number, then changed with
 * {@code PATCH A_BusinessPartner('…')} {@code {"BusinessPartnerIsBlocked":true}}, with a fetched CSRF token and the
 * partner's ETag in {@code If-Match}. Access and portability export the partner as the hub maps it. Rectification,
 * objection and consent revocation are the system of record's own business and are answered as such.
 */
public final class S4RightsTarget implements RightsTarget {

    public static final String SYSTEM = "s4";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    private final S4Client client;

    public S4RightsTarget(S4Client client) {
        this.client = client;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public TargetOutcome execute(RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        if (subject.customerNumber() == null) {
            return new TargetOutcome("not applicable: S/4 business partners are found by customer number only", null);
        }
        boolean blocks = type == RightsRequestType.ERASURE || type == RightsRequestType.RESTRICTION;
        if (!blocks && !type.collects()) {
            return new TargetOutcome("not applicable: S/4 is the system of record; " + type.id()
                    + " is carried out there by its owner", null);
        }
        try {
            List<JsonNode> found = new ArrayList<>();
            client.page(client.resolve("A_BusinessPartner", "$top=1&$filter="
                    + S4Client.encode("Customer eq '" + sapNumber(subject.customerNumber()) + "'")
                    + (type.collects() ? "&$expand=" + S4BusinessPartners.EXPAND : "")), found::add);
            if (found.isEmpty()) {
                return new TargetOutcome("no data held", null);
            }
            JsonNode partner = found.get(0);
            if (type.collects()) {
                return S4PartnerMapper.map(partner, false, Instant.now())
                        .map(m -> new TargetOutcome("exported", CanonicalJson.write(m.envelope().body())))
                        .orElseGet(() -> new TargetOutcome("no data held", null));
            }
            String key = S4PartnerMapper.text(partner, "BusinessPartner");
            if (partner.path("BusinessPartnerIsBlocked").asBoolean(false)) {
                return new TargetOutcome("blocked already", null);
            }
            URI address = client.resolve("A_BusinessPartner('" + S4Client.encode(key) + "')", null);
            client.patch(address, CanonicalJson.mapper().createObjectNode().put("BusinessPartnerIsBlocked", true),
                    partner.path("__metadata").path("etag").asText(null));
            return new TargetOutcome("blocked (BusinessPartnerIsBlocked); S/4 deletes by its retention rules", null);
        } catch (S4Exception e) {
            throw new RightsTargetException(e.getMessage(), e);
        }
    }

    /** SAP keeps numeric customer numbers with leading zeros to ten digits (ALPHA conversion). */
    static String sapNumber(String number) {
        return NUMBER.matcher(number).matches() ? "0".repeat(10 - number.length()) + number : number;
    }
}
