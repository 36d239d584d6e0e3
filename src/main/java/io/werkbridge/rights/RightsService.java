package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions.Kind;
import io.werkbridge.privacy.gate.JdbcSubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.vault.SealedBox;
import io.werkbridge.rights.RightsRequest.State;
import io.werkbridge.rights.RightsRequest.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Receives data-subject requests and decides which systems each one goes to: access and portability ask every
 * system; erasure and rectification go to the ERP and to every destination that, by the disclosure log, received
 * the subject's data; restriction, objection and consent revocation are stored at once and enforced by the privacy
 * gate until lifted. The systems are then worked asynchronously by {@link RightsWorker}.
 */
public final class RightsService {

    public static final String ALL_PURPOSES = JdbcSubjectRestrictions.ALL_PURPOSES;
    /** Suffix of the task that tells a recipient a restriction was lifted (the restriction's own task has the name). */
    public static final String LIFTED = "#lifted";
    private static final Logger LOG = LoggerFactory.getLogger(RightsService.class);
    private final RightsStore store;
    private final Map<String, RightsTarget> targets;
    private final OwnStoresTarget own;
    private final JdbcSubjectRestrictions restrictions;
    private final ValueOperators hashing;
    private final SealedBox box;
    private final RightsProperties properties;
    private final Runnable releaseHolds;
    private final Clock clock;

    public RightsService(RightsStore store, Map<String, RightsTarget> targets, OwnStoresTarget own,
                         JdbcSubjectRestrictions restrictions, ValueOperators hashing, SealedBox box,
                         RightsProperties properties, Runnable releaseHolds, Clock clock) {
        this.store = store;
        this.targets = Map.copyOf(targets);
        this.own = own;
        this.restrictions = restrictions;
        this.hashing = hashing;
        this.box = box;
        this.properties = properties;
        this.releaseHolds = releaseHolds;
        this.clock = clock;
    }

    /** {@link #submit(RightsRequestType, SubjectIds, String, JsonNode, String, String)} for a caller without a name. */
    public RightsRequest submit(RightsRequestType type, SubjectIds subject, String purpose, JsonNode corrections, String idempotencyKey) {
        return submit(type, subject, purpose, corrections, idempotencyKey, null);
    }

    /**
     * Idempotent as the Idempotency-Key header draft and payment APIs define it: the caller's key with the same
     * request returns the request it first created; with another request it is refused
     * ({@link IdempotencyKeyReusedException}), never answered with the first. Keys are scoped to the caller: the
     * same key of two callers names two requests.
     */
    public RightsRequest submit(RightsRequestType type, SubjectIds subject, String purpose, JsonNode corrections,
                                String idempotencyKey, String caller) {
        String scopedKey = idempotencyKey == null ? null
                : hashing.hash("rights-idempotency:" + (caller == null ? "" : caller) + "\n" + idempotencyKey);
        String requestHash = hashing.hash("rights-request:" + canonical(type, subject, purpose, corrections));
        if (scopedKey != null) {
            var existing = store.byIdempotencyKey(scopedKey);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash);
            }
        }
        try {
            return create(type, subject, purpose, corrections, scopedKey, requestHash);
        } catch (DuplicateKeyException raced) {
            // the same key was used at the same moment by another call of this caller: answer as if it came second
            return replay(store.byIdempotencyKey(scopedKey).orElseThrow(() -> raced), requestHash);
        }
    }

    private RightsRequest replay(RightsStore.Keyed first, String requestHash) {
        if (!requestHash.equals(first.requestHash())) {
            throw new IdempotencyKeyReusedException();
        }
        return store.find(first.id()).orElseThrow();
    }

    private RightsRequest create(RightsRequestType type, SubjectIds subject, String purpose, JsonNode corrections,
                                 String idempotencyKey, String requestHash) {
        if (type == RightsRequestType.RECTIFICATION && (corrections == null || !corrections.isObject() || corrections.isEmpty())) {
            throw new IllegalArgumentException("a rectification needs 'corrections': the fields and their corrected values");
        }
        if (type.stopsProcessing() && subject.customerNumber() == null) {
            throw new IllegalArgumentException(type.id() + " needs customerNumber (and contactId): the privacy gate matches subjects by them");
        }
        String id = UUID.randomUUID().toString();
        Instant received = clock.instant();
        Instant due = received.atZone(ZoneOffset.UTC).plus(properties.duePeriod()).toInstant();
        String emailHash = subject.email() == null ? null : hashing.hash("rights-email:" + subject.email());
        String effectivePurpose = type.stopsProcessing() ? (purpose == null || purpose.isBlank() ? ALL_PURPOSES : purpose) : null;
        if (type.stopsProcessing()) {
            store.insertRequest(id, type, subject, emailHash, effectivePurpose, idempotencyKey, requestHash, received, due, State.ACTIVE, null);
            Kind kind = Kind.valueOf(type.name());
            restrictions.add(subject.subjectKey(), effectivePurpose, kind, id);
            store.insertTask(id, OwnStoresTarget.SYSTEM, TaskState.DONE, received, null,
                    kind.id() + " stored for purpose '" + effectivePurpose + "'; the privacy gate holds the subject's messages until lifted");
            notifyRecipients(id, subject, "", received);
        } else {
            store.insertRequest(id, type, subject, emailHash, null, idempotencyKey, requestHash, received, due, State.OPEN,
                    box.seal(payload(subject, corrections), RightsStore.payloadRow(id)));
            for (String system : systemsFor(type, subject)) {
                if (system.equals(OwnStoresTarget.SYSTEM) || targets.containsKey(system)) {
                    store.insertTask(id, system, TaskState.PENDING, received, null, null);
                } else {
                    store.insertTask(id, system, TaskState.FAILED, received,
                            "received the subject's data, but no privacy endpoint is configured for it: carry the request by hand", null);
                }
            }
        }
        LOG.info("rights request {} ({}) received, due {}", id, type.id(), due);
        return store.find(id).orElseThrow();
    }

    /** Lifts a restriction, objection or consent revocation, and lets held messages go through the gate again. */
    public RightsRequest lift(String id) {
        RightsRequest request = store.find(id).orElseThrow(() -> new IllegalArgumentException("no such request"));
        if (request.state() != State.ACTIVE) {
            throw new IllegalStateException("only an active restriction, objection or consent revocation can be lifted");
        }
        restrictions.liftRequest(id);
        store.setState(id, State.LIFTED);
        notifyRecipients(id, new SubjectIds(request.customerNumber(), request.contactId(), null), LIFTED, clock.instant());
        releaseHolds.run();
        LOG.info("rights request {} ({}) lifted; held messages released to the gate", id, request.type().id());
        return store.find(id).orElseThrow();
    }

    /**
     * A DPO closes a request that cannot complete (a system gone for good, a task carried by hand) with a reason,
     * recorded on the request: pending tasks stop and the sealed working data is wiped.
     */
    public RightsRequest close(String id, String closedBy, String reason) {
        RightsRequest request = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rights request with this id"));
        if (!store.close(id, closedBy, reason)) {
            throw new IllegalStateException("only an open or incomplete request can be closed; this one is " + request.state());
        }
        LOG.info("rights request {} ({}) closed by {} with a recorded reason, {} its due date", id, request.type().id(), closedBy,
                request.overdue() ? "after" : "before");
        return store.find(id).orElseThrow();
    }

    /** The request in one canonical form (keys sorted), so the same request always hashes the same. */
    private static String canonical(RightsRequestType type, SubjectIds subject, String purpose, JsonNode corrections) {
        ObjectNode request = CanonicalJson.mapper().createObjectNode();
        request.put("type", type.id());
        request.put("customerNumber", subject.customerNumber());
        request.put("contactId", subject.contactId());
        request.put("email", subject.email());
        request.put("purpose", purpose == null || purpose.isBlank() ? null : purpose);
        request.set("corrections", corrections == null ? null : sorted(corrections));
        return CanonicalJson.write(sorted(request));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            ObjectNode out = CanonicalJson.mapper().createObjectNode();
            fields.forEach((key, value) -> out.set(key, sorted(value)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = CanonicalJson.mapper().createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    /**
     * Art. 19 GDPR: every recipient the disclosure log knows for the subject is told (through its gate, by the worker)
     * of the restriction, objection or revocation, and of its lifting; one without a privacy endpoint is a task to do
     * by hand.
     */
    private void notifyRecipients(String id, SubjectIds subject, String suffix, Instant at) {
        Set<String> recipients = new LinkedHashSet<>();
        own.disclosuresOf(subject).forEach(d -> recipients.add(d.destination()));
        for (String system : recipients) {
            if (targets.containsKey(system)) {
                store.insertTask(id, system + suffix, TaskState.PENDING, at, null, null);
            } else {
                store.insertTask(id, system + suffix, TaskState.FAILED, at,
                        "received the subject's data, but no privacy endpoint is configured for it: tell it by hand", null);
            }
        }
    }

    private Set<String> systemsFor(RightsRequestType type, SubjectIds subject) {
        Set<String> systems = new LinkedHashSet<>();
        systems.add(OwnStoresTarget.SYSTEM);
        if (type.collects()) {
            systems.addAll(targets.keySet());
        } else {
            if (targets.containsKey("erp")) {
                systems.add("erp");
            }
            own.disclosuresOf(subject).forEach(d -> systems.add(d.destination()));
        }
        return systems;
    }

    private static String payload(SubjectIds subject, JsonNode corrections) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        payload.put("email", subject.email());
        if (corrections != null) {
            payload.set("corrections", corrections);
        }
        return CanonicalJson.write(payload);
    }
}
