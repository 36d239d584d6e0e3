package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.audit.DisclosureLog;
import io.werkbridge.privacy.audit.DisclosureRecord;
import io.werkbridge.privacy.gate.GateResult;
import io.werkbridge.privacy.gate.PrivacyGate;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Puts what a rights message tells a recipient through the recipient's privacy gate, as a delivery: the subject's
 * identifiers and the corrections become customer records ({@code customerNumber}, {@code contacts[]}) and are
 * filtered by the recipient destination's policy, so the shop gets a corrected phone masked and a contact id hashed
 * exactly as in its deliveries, and nothing its policy drops. Once sent, the disclosure is recorded.
 */
public final class RecipientGate {

    /** The canonical type whose classification rights messages are filtered by: subjects' data live in the customer. */
    static final String TYPE = "customer";
    private final Supplier<PrivacyGate> gate;
    private final DisclosureLog disclosures;
    private final Clock clock;

    public RecipientGate(Supplier<PrivacyGate> gate, DisclosureLog disclosures, Clock clock) {
        this.gate = gate;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    /**
     * A rights message as the recipient may have it.
     *
     * @param subject     {customerNumber, contactId, email} as the recipient's policy lets it have them (null where dropped)
     * @param corrections the corrected fields it may have (null when the message carries none)
     * @param corrects    whether any corrected field is left beyond the identifiers
     */
    public record Gated(ObjectNode subject, JsonNode corrections, boolean corrects, DisclosureRecord disclosure) {
    }

    /** Filters; throws the gate's exceptions (unknown destination, contract not in force) with their reasons. */
    public Gated gate(String destination, RightsRequestType type, SubjectIds subject, JsonNode corrections) {
        PrivacyGate current = gate.get();
        String messageId = UUID.randomUUID().toString();
        GateResult who = current.filterRightsNotice(destination, envelope(messageId, subject, identifiers(subject)));
        ObjectNode whoBody = (ObjectNode) who.filtered().path("body");
        JsonNode firstContact = whoBody.path("contacts").path(0);
        ObjectNode gatedSubject = CanonicalJson.mapper().createObjectNode();
        gatedSubject.set("customerNumber", whoBody.get("customerNumber"));
        gatedSubject.set("contactId", firstContact.get("id"));
        gatedSubject.set("email", firstContact.get("email"));
        GateResult what = null;
        JsonNode gatedCorrections = null;
        if (corrections != null && corrections.isObject()) {
            ObjectNode body = ((ObjectNode) corrections).deepCopy();
            if (subject.customerNumber() != null) {
                body.put("customerNumber", subject.customerNumber());
            }
            what = current.filterRightsNotice(destination, envelope(messageId, subject, body));
            gatedCorrections = what.filtered().path("body");
        }
        return new Gated(gatedSubject, gatedCorrections, gatedCorrections != null && corrects(gatedCorrections),
                record(messageId, type, subject, who, what));
    }

    /** Records what was sent, in the same hash-chained log as deliveries. */
    public void sent(Gated gated) {
        disclosures.append(gated.disclosure());
    }

    private static ObjectNode identifiers(SubjectIds subject) {
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        if (subject.customerNumber() != null) {
            body.put("customerNumber", subject.customerNumber());
        }
        if (subject.contactId() != null || subject.email() != null) {
            ObjectNode contact = body.putArray("contacts").addObject();
            if (subject.contactId() != null) {
                contact.put("id", subject.contactId());
            }
            if (subject.email() != null) {
                contact.put("email", subject.email());
            }
        }
        return body;
    }

    private ObjectNode envelope(String messageId, SubjectIds subject, ObjectNode body) {
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode();
        envelope.put("messageId", messageId);
        envelope.put("type", TYPE);
        if (subject.customerNumber() != null) {
            envelope.put("key", subject.customerNumber());
        }
        envelope.put("operation", "upsert");
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("source", "werkbridge-rights");
        envelope.set("body", body);
        return envelope;
    }

    /** True when a corrected field is left besides the customer number and the contacts' ids that say whose it is. */
    private static boolean corrects(JsonNode body) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("customerNumber".equals(field.getKey())) {
                continue;
            }
            if ("contacts".equals(field.getKey()) && field.getValue().isArray()) {
                for (JsonNode contact : (ArrayNode) field.getValue()) {
                    Iterator<String> names = contact.fieldNames();
                    while (names.hasNext()) {
                        if (!"id".equals(names.next())) {
                            return true;
                        }
                    }
                }
                continue;
            }
            return true;
        }
        return false;
    }

    private DisclosureRecord record(String messageId, RightsRequestType type, SubjectIds subject, GateResult who, GateResult what) {
        Set<String> refs = new TreeSet<>(who.subjectRefs());
        Set<String> sent = new TreeSet<>(who.sent());
        Set<String> masked = new TreeSet<>(who.masked());
        Set<String> dropped = new TreeSet<>(who.dropped());
        Set<String> unclassified = new TreeSet<>(who.unclassified());
        if (what != null) {
            refs.addAll(what.subjectRefs());
            sent.addAll(what.sent());
            masked.addAll(what.masked());
            dropped.addAll(what.dropped());
            unclassified.addAll(what.unclassified());
        }
        // a category masked in one part and sent in the other left unchanged somewhere: it counts as sent
        masked.removeAll(sent);
        dropped.removeAll(sent);
        dropped.removeAll(masked);
        var d = who.destination();
        return new DisclosureRecord(clock.instant(), messageId, "rights-" + type.id(), subject.customerNumber(), refs, d.id(),
                d.processor(), d.purpose(), d.legalBasis(), sent, masked, dropped, unclassified, who.policyVersion());
    }
}
