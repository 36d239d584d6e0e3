package io.werkbridge.web;

import io.werkbridge.messaging.DeadLetterQueues;
import io.werkbridge.messaging.ParkingDecisions;
import io.werkbridge.privacy.gate.PolicyStore;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter queue of a flow, for operators: list the dead letters with their reasons, read one (personal
 * values masked), replay them to the queue they failed on once the cause is fixed, or discard one with a reason.
 * Each replay and discard is recorded with the signed-in operator's name.
 */
@RestController
@RequestMapping("/api/v1/operations/dead-letters/{flow}")
public class DeadLetterController {

    private final DeadLetterQueues deadLetters;
    private final PolicyStore policies;

    public DeadLetterController(DeadLetterQueues deadLetters, PolicyStore policies) {
        this.deadLetters = deadLetters;
        this.policies = policies;
    }

    /** @param limit at most this many, oldest first (the console asks for a page, not a whole backlog) */
    @GetMapping
    public List<ParkedMessageView.Summary> list(@PathVariable String flow, @RequestParam(required = false) Integer limit) {
        return ParkedMessageView.first(deadLetters.list(flow), limit).stream().map(ParkedMessageView.Summary::of).toList();
    }

    @GetMapping("/{messageId}")
    public ResponseEntity<Object> inspect(@PathVariable String flow, @PathVariable String messageId) {
        return deadLetters.find(flow, messageId)
                .<ResponseEntity<Object>>map(m -> ResponseEntity.ok(ParkedMessageView.of(m, policies.gate())))
                .orElseGet(() -> notFound(messageId));
    }

    @PostMapping("/replay")
    public Map<String, Integer> replay(@PathVariable String flow, @RequestParam(required = false) String messageId,
                                       @RequestParam(required = false) String reason, Principal who) {
        DeadLetterQueues.Replay replay = deadLetters.replay(flow, messageId, new ParkingDecisions.Decider(who.getName(), reason));
        return Map.of("replayed", replay.replayed(), "notReplayable", replay.notReplayable());
    }

    @PostMapping("/discard")
    public ResponseEntity<Object> discard(@PathVariable String flow, @RequestParam String messageId,
                                          @RequestParam(required = false) String reason, Principal who) {
        return deadLetters.discard(flow, messageId, new ParkingDecisions.Decider(who.getName(), reason))
                ? ResponseEntity.ok(Map.of("discarded", 1))
                : notFound(messageId);
    }

    static ResponseEntity<Object> notFound(String messageId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "no-such-message",
                "No such message", "no parked message with this id: list the queue for the ids it holds"));
    }
}
