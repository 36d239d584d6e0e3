package io.werkbridge.machine.mtconnect;

import io.werkbridge.model.Envelope;
import java.util.List;
import java.util.Optional;

/**
 * The result of one poll: the events to publish, and the position to commit once they are published.
 *
 * @param machineId the machine
 * @param before    the position the poll started from (empty: none stored)
 * @param next      the position after the poll, or null when the poll failed (nothing to commit)
 * @param events    the canonical events, in sequence order
 */
public record MtConnectBatch(String machineId, Optional<MtConnectStateStore.Position> before,
                             MtConnectStateStore.Position next, List<Envelope> events) {

    public MtConnectBatch {
        events = List.copyOf(events);
    }

    static MtConnectBatch failed(String machineId) {
        return new MtConnectBatch(machineId, Optional.empty(), null, List.of());
    }
}
