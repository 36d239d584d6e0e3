package io.werkbridge.web;

import io.werkbridge.messaging.DestinationState;
import io.werkbridge.messaging.DestinationWaiting;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each destination of each flow with its state, for operators: delivering, or waiting for it (since when, why, its
 * backlog, the next probe, whether the maximum wait's alert is raised). Names and counts only, never a message.
 */
@RestController
public class DestinationStateController {

    private final DestinationWaiting waiting;

    public DestinationStateController(DestinationWaiting waiting) {
        this.waiting = waiting;
    }

    @GetMapping("/api/v1/operations/destinations")
    public List<DestinationState> destinations() {
        return waiting.states();
    }
}
