package io.werkbridge.web;

import io.werkbridge.messaging.HoldQueues;
import io.werkbridge.messaging.ParkingDecisions;
import io.werkbridge.privacy.gate.PolicyStore;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages the privacy gate held: list them, read one (masked), release them once the cause is fixed, or discard one
 * with a reason. Who releases or discards is the signed-in operator or DPO; each decision is recorded.
 */
@RestController
@RequestMapping("/api/v1/holds/{flow}/{destination}")
public class HoldController {

    private final HoldQueues holds;
    private final PolicyStore policies;

    public HoldController(HoldQueues holds, PolicyStore policies) {
        this.holds = holds;
        this.policies = policies;
    }

    /** @param limit at most this many, oldest first (the console asks for a page, not a whole backlog) */
    @GetMapping
    public List<HoldQueues.Held> list(@PathVariable String flow, @PathVariable String destination,
                                      @RequestParam(required = false) Integer limit) {
        return ParkedMessageView.first(holds.list(flow, destination), limit);
    }

    @GetMapping("/{messageId}")
    public ResponseEntity<Object> inspect(@PathVariable String flow, @PathVariable String destination,
                                          @PathVariable String messageId) {
        return holds.find(flow, destination, messageId)
                .<ResponseEntity<Object>>map(m -> ResponseEntity.ok(ParkedMessageView.of(m, policies.gate())))
                .orElseGet(() -> DeadLetterController.notFound(messageId));
    }

    @PostMapping("/release")
    public Map<String, Integer> release(@PathVariable String flow, @PathVariable String destination,
                                        @RequestParam(required = false) String messageId,
                                        @RequestParam(required = false) String reason, Principal who) {
        return Map.of("released", holds.release(flow, destination, messageId, new ParkingDecisions.Decider(who.getName(), reason)));
    }

    @PostMapping("/discard")
    public ResponseEntity<Object> discard(@PathVariable String flow, @PathVariable String destination,
                                          @RequestParam String messageId,
                                          @RequestParam(required = false) String reason, Principal who) {
        int discarded = holds.discard(flow, destination, messageId, new ParkingDecisions.Decider(who.getName(), reason));
        return discarded == 0 ? DeadLetterController.notFound(messageId) : ResponseEntity.ok(Map.of("discarded", discarded));
    }
}
