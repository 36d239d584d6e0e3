package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The messages the privacy gate held, per flow and destination ({@code werkbridge.<flow>.<destination>.hold}).
 * Release puts them back on the destination's queue, where the gate decides again; discard removes them. Each move
 * is one local JMS transaction: a message is never lost and never on both queues. Nothing else removes a held
 * message (retention only flags it): each release and discard is recorded in {@link ParkingDecisions} with who
 * decided and, for a discard, why.
 */
@Component
public class HoldQueues {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private final ParkedQueues parked;
    private final ParkingDecisions decisions;

    public HoldQueues(ConnectionFactory connectionFactory, ParkingDecisions decisions) {
        this.parked = new ParkedQueues(connectionFactory);
        this.decisions = decisions;
    }

    /** A held message as an operator sees it: ids, reason and time, never the body. */
    public record Held(String messageId, String reason, String heldAt) {
    }

    public List<Held> list(String flow, String destination) {
        return parked.browse(holdQueue(flow, destination), null).stream()
                .map(m -> new Held(m.messageId(), m.properties().get(DeadLetters.REASON), m.properties().get(DeadLetters.FAILED_AT)))
                .toList();
    }

    /** One held message with its body, for {@link io.werkbridge.privacy.gate.OperatorView masking} before anyone sees it. */
    public Optional<ParkedMessage> find(String flow, String destination, String messageId) {
        return parked.find(holdQueue(flow, destination), messageId).map(ParkedMessage::of);
    }

    /**
     * Moves held messages (all, or the one with {@code messageId}) back to the destination queue, addressed by its
     * fully qualified name on the flow's multicast address so only that destination sees it again; each one's release
     * is recorded as decided {@code by}. Returns how many.
     */
    public int release(String flow, String destination, String messageId, ParkingDecisions.Decider by) {
        String queue = holdQueue(flow, destination);
        ParkedQueues.Target target = new ParkedQueues.Target(
                new FlowQueue(flow, destination, FlowQueue.Kind.DESTINATION).sendAddress(), true);
        return parked.move(queue, messageId, m -> Optional.of(target),
                m -> decisions.record(ParkingDecisions.Action.RELEASE, queue, idOf(m), by)).moved();
    }

    /** Removes one held message for good, by a named decider with a reason (refused without); returns 1 if it was there. */
    public int discard(String flow, String destination, String messageId, ParkingDecisions.Decider by) {
        if (messageId == null) {
            throw new InvalidSelectionException("discard needs the messageId of one held message");
        }
        ParkingDecisions.Decider decider = by.requireReason();
        String queue = holdQueue(flow, destination);
        return parked.discard(queue, messageId, m -> decisions.record(ParkingDecisions.Action.DISCARD, queue, idOf(m), decider)) ? 1 : 0;
    }

    static String idOf(ParkedQueues.Parked m) {
        return m.messageId() != null ? m.messageId() : m.jmsMessageId();
    }

    static String holdQueue(String flow, String destination) {
        if (!NAME.matcher(flow).matches() || !NAME.matcher(destination).matches()) {
            throw new InvalidSelectionException("flow and destination are lower-case names of letters, digits and '-'");
        }
        return FlowProperties.holdQueue(flow, destination);
    }
}
