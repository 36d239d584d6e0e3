package io.werkbridge.messaging;

import jakarta.jms.ConnectionFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The messages the privacy gate held, per flow and destination ({@code werkbridge.<flow>.<destination>.hold}).
 * Release puts them back on the destination's queue, where the gate decides again; discard removes them. Each move
 * is one local JMS transaction: a message is never lost and never on both queues.
 */
@Component
public class HoldQueues {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private final ParkedQueues parked;

    public HoldQueues(ConnectionFactory connectionFactory) {
        this.parked = new ParkedQueues(connectionFactory);
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
     * fully qualified name on the flow's multicast address so only that destination sees it again; returns how many.
     */
    public int release(String flow, String destination, String messageId) {
        ParkedQueues.Target target = new ParkedQueues.Target(
                new FlowQueue(flow, destination, FlowQueue.Kind.DESTINATION).sendAddress(), true);
        return parked.move(holdQueue(flow, destination), messageId, m -> Optional.of(target)).moved();
    }

    /** Removes one held message for good; returns 1 if it was there. */
    public int discard(String flow, String destination, String messageId) {
        if (messageId == null) {
            throw new InvalidSelectionException("discard needs the messageId of one held message");
        }
        return parked.discard(holdQueue(flow, destination), messageId) ? 1 : 0;
    }

    /**
     * Retention: removes parked messages (held or dead-lettered) older than {@code cutoff} from {@code queue}, or with
     * {@code dryRun} only counts them. Returns the number (to be) removed.
     */
    public int purgeOlderThan(String queue, Instant cutoff, boolean dryRun) {
        return parked.purgeOlderThan(queue, cutoff, dryRun);
    }

    static String holdQueue(String flow, String destination) {
        if (!NAME.matcher(flow).matches() || !NAME.matcher(destination).matches()) {
            throw new InvalidSelectionException("flow and destination are lower-case names of letters, digits and '-'");
        }
        return FlowProperties.holdQueue(flow, destination);
    }
}
