package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue of each flow ({@code werkbridge.<flow>.dlq}): list, read one, replay to the queue it failed
 * on (from its {@link DeadLetters#FAILED_QUEUE} header, or the broker's original-queue header when the broker
 * parked it), discard. A replayed message is delivered only where it was not delivered before (idempotent delivery).
 * Retention never removes a dead letter: each replay and discard is recorded in {@link ParkingDecisions}.
 */
@Component
public class DeadLetterQueues {

    private final FlowProperties flows;
    private final ParkedQueues parked;
    private final ParkingDecisions decisions;

    public DeadLetterQueues(FlowProperties flows, ConnectionFactory connectionFactory, ParkingDecisions decisions) {
        this.flows = flows;
        this.parked = new ParkedQueues(connectionFactory);
        this.decisions = decisions;
    }

    /** Replayed and left: a message whose failed queue is unknown stays on the dead-letter queue. */
    public record Replay(int replayed, int notReplayable) {
    }

    public List<ParkedMessage> list(String flow) {
        return parked.browse(deadLetterQueue(flow), null).stream().map(ParkedMessage::of).toList();
    }

    public Optional<ParkedMessage> find(String flow, String messageId) {
        return parked.find(deadLetterQueue(flow), messageId).map(ParkedMessage::of);
    }

    /** Puts dead letters (all, or the one with {@code messageId}) back on the queue each one failed on. */
    public Replay replay(String flow, String messageId, ParkingDecisions.Decider by) {
        String queue = deadLetterQueue(flow);
        ParkedQueues.Moved moved = parked.move(queue, messageId, m -> target(flow, ParkedMessage.of(m)),
                m -> decisions.record(ParkingDecisions.Action.REPLAY, queue, HoldQueues.idOf(m), by));
        return new Replay(moved.moved(), moved.stayed());
    }

    /** Removes one dead letter for good, by a named decider with a reason (refused without). */
    public boolean discard(String flow, String messageId, ParkingDecisions.Decider by) {
        ParkingDecisions.Decider decider = by.requireReason();
        String queue = deadLetterQueue(flow);
        return parked.discard(queue, messageId, m -> decisions.record(ParkingDecisions.Action.DISCARD, queue, HoldQueues.idOf(m), decider));
    }

    private Optional<ParkedQueues.Target> target(String flow, ParkedMessage message) {
        return flows.queueOf(message.failedQueue())
                .filter(queue -> queue.flow().equals(flow))
                .map(queue -> new ParkedQueues.Target(queue.sendAddress(), queue.isDestination()));
    }

    private String deadLetterQueue(String flow) {
        if (flow == null || !flows.flows().containsKey(flow)) {
            throw new UnknownFlowException(flow);
        }
        return FlowProperties.deadLetter(flow);
    }
}
