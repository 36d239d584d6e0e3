package io.werkbridge.rights;

import java.time.Instant;
import java.util.List;

/** A data-subject request and its state per system. Holds subject references, never other personal values. */
public record RightsRequest(
        String id,
        RightsRequestType type,
        String customerNumber,
        String contactId,
        String purpose,
        Instant receivedAt,
        Instant dueAt,
        State state,
        Instant completedAt,
        boolean overdue,
        List<RightsTask> tasks,
        String closedBy,
        String closedReason) {

    public RightsRequest {
        tasks = List.copyOf(tasks);
    }

    /**
     * OPEN while systems are pending; COMPLETED when every system is done; INCOMPLETE when a system must be handled
     * by hand (no privacy endpoint), kept with its working data until a DPO closes it; CLOSED by a DPO with a reason;
     * ACTIVE/LIFTED for restrictions.
     */
    public enum State {
        OPEN, COMPLETED, INCOMPLETE, CLOSED, ACTIVE, LIFTED;

        /** Not finished: counted overdue past the due date. */
        public boolean unfinished() {
            return this == OPEN || this == INCOMPLETE;
        }
    }

    /** One system's part of the request. */
    public record RightsTask(String system, TaskState state, int attempts, Instant nextAttemptAt, String lastError,
                             String result, Instant completedAt) {
    }

    /** PENDING (tried again, also past the due date), DONE, or FAILED (no endpoint, or the request closed by a DPO). */
    public enum TaskState {
        PENDING, DONE, FAILED
    }
}
