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
        List<RightsTask> tasks) {

    public RightsRequest {
        tasks = List.copyOf(tasks);
    }

    /** OPEN while systems are pending; COMPLETED or INCOMPLETE when done; ACTIVE/LIFTED for restrictions. */
    public enum State {
        OPEN, COMPLETED, INCOMPLETE, ACTIVE, LIFTED
    }

    /** One system's part of the request. */
    public record RightsTask(String system, TaskState state, int attempts, Instant nextAttemptAt, String lastError,
                             String result, Instant completedAt) {
    }

    /** PENDING (will be tried again), DONE, or FAILED (given up at the due date, or no endpoint). */
    public enum TaskState {
        PENDING, DONE, FAILED
    }
}
