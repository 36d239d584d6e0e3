package io.werkbridge.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.privacy.vault.SealedBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the due tasks of open requests: each system on its own, so one failing system never fails the others. A
 * failure is retried with exponential back-off, also past the request's due date: the request stays open and shows
 * overdue (its working data kept sealed) until the system answers or a DPO closes it with a reason. Giving up at
 * the due date would hide exactly the requests the DPO must act on.
 */
public final class RightsWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RightsWorker.class);
    private static final int LEASE_SECONDS = 120;
    private final RightsStore store;
    private final Map<String, RightsTarget> targets;
    private final SealedBox box;
    private final RightsProperties properties;
    private final Clock clock;

    public RightsWorker(RightsStore store, Map<String, RightsTarget> targets, SealedBox box, RightsProperties properties, Clock clock) {
        this.store = store;
        this.targets = Map.copyOf(targets);
        this.box = box;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs every task that is due now; returns how many were attempted. */
    public int runDue() {
        int attempted = 0;
        for (String[] task : store.claimDue(LEASE_SECONDS)) {
            run(task[0], task[1]);
            attempted++;
        }
        return attempted;
    }

    private void run(String requestId, String system) {
        RightsStore.Pending request = store.pending(requestId).orElseThrow();
        boolean lifted = system.endsWith(RightsService.LIFTED);
        RightsTarget target = targets.get(lifted ? system.substring(0, system.length() - RightsService.LIFTED.length()) : system);
        try {
            JsonNode payload = request.payloadCipher() == null ? CanonicalJson.mapper().createObjectNode()
                    : CanonicalJson.read(box.open(request.payloadCipher(), RightsStore.payloadRow(requestId)));
            SubjectIds subject = new SubjectIds(request.customerNumber(), request.contactId(),
                    payload.path("email").isTextual() ? payload.path("email").asText() : null);
            TargetOutcome outcome = request.type().stopsProcessing()
                    ? target.notify(request.type(), subject, request.purpose(), lifted)
                    : target.execute(request.type(), subject, payload.get("corrections"));
            if (outcome.data() != null) {
                store.saveExport(requestId, system, box.seal(outcome.data(), RightsStore.exportRow(requestId, system)));
            }
            store.taskDone(requestId, system, outcome.result());
            LOG.info("rights request {}: {} done ({})", requestId, system, outcome.result());
        } catch (RuntimeException e) {
            fail(request, system, e);
        }
        store.closeIfFinished(requestId);
    }

    private void fail(RightsStore.Pending request, String system, RuntimeException e) {
        String error = e instanceof RightsTargetException ? e.getMessage() : system + " failed (" + e.getClass().getSimpleName() + ")";
        Instant now = clock.instant();
        int attempt = attemptsOf(request.id(), system) + 1;
        Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        Instant next = now.plus(delay.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : delay);
        boolean overdue = now.isAfter(request.dueAt());
        store.taskFailed(request.id(), system, overdue ? error + "; overdue since " + request.dueAt() : error, next, false);
        LOG.warn("rights request {}: {} failed on attempt {} ({}), next attempt {}{}", request.id(), system, attempt, error, next,
                overdue ? ", request overdue" : "");
    }

    private int attemptsOf(String requestId, String system) {
        return store.find(requestId).orElseThrow().tasks().stream()
                .filter(t -> t.system().equals(system)).findFirst().map(RightsRequest.RightsTask::attempts).orElse(0);
    }
}
