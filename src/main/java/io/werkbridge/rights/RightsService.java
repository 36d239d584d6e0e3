package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** Idempotent: a repeated idempotency key returns the request it first created. */
    public RightsRequest submit(RightsRequestType type, SubjectIds subject, String purpose, JsonNode corrections, String idempotencyKey) {
        if (idempotencyKey != null) {
            var existing = store.idByIdempotencyKey(idempotencyKey);
            if (existing.isPresent()) {
                return store.find(existing.get()).orElseThrow();
            }
        }
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
            store.insertRequest(id, type, subject, emailHash, effectivePurpose, idempotencyKey, received, due, State.ACTIVE, null);
            Kind kind = Kind.valueOf(type.name());
            restrictions.add(subject.subjectKey(), effectivePurpose, kind, id);
            store.insertTask(id, OwnStoresTarget.SYSTEM, TaskState.DONE, received, null,
                    kind.id() + " stored for purpose '" + effectivePurpose + "'; the privacy gate holds the subject's messages until lifted");
            notifyRecipients(id, subject, "", received);
        } else {
            store.insertRequest(id, type, subject, emailHash, null, idempotencyKey, received, due, State.OPEN,
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
