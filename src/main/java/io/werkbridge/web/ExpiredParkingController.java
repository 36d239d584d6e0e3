package io.werkbridge.web;

import io.werkbridge.messaging.ExpiredParkings;
import io.werkbridge.messaging.ParkingDecisions;
import io.werkbridge.rights.RetentionService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Held and dead-lettered messages past the retention age ({@code werkbridge.retention.parked-messages}): retention
 * never deletes them, so operators find them here and release, replay or discard each one (with a reason) through
 * the hold and dead-letter endpoints; and the recorded decisions on one message.
 */
@RestController
public class ExpiredParkingController {

    private final RetentionService retention;
    private final ParkingDecisions decisions;

    public ExpiredParkingController(RetentionService retention, ParkingDecisions decisions) {
        this.retention = retention;
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/operations/parked/expired")
    public List<ExpiredParkings.Expired> expired() {
        return retention.expiredParkings();
    }

    @GetMapping("/api/v1/operations/parked/decisions/{messageId}")
    public List<ParkingDecisions.Decision> decisions(@PathVariable String messageId) {
        return decisions.of(messageId);
    }
}
