package io.werkbridge.web;

import io.werkbridge.machine.MachineStatus;
import io.werkbridge.machine.MachineStatusService;
import io.werkbridge.machine.SerialCaptures;
import io.werkbridge.machine.SerialDiagnostics;
import io.werkbridge.messaging.FeedsFlows;
import io.werkbridge.messaging.InboundPublisher;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connection status of the machines of connectors/machines/: no customer or operator data, counts and times only. And
 * a serial machine's link diagnostics for remote support, sent on the {@code serial-diagnostics} flow on request.
 */
@RestController
@RequestMapping("/api/v1/machines")
public class MachineController {

    /** The flow that carries serial link diagnostics to the serial interfaces' programmers. */
    static final String DIAGNOSTICS_FLOW = "serial-diagnostics";

    private final MachineStatusService machines;
    private final SerialCaptures captures;
    private final SerialDiagnostics diagnostics;
    private final InboundPublisher publisher;

    public MachineController(MachineStatusService machines, SerialCaptures captures, SerialDiagnostics diagnostics,
                             InboundPublisher publisher) {
        this.machines = machines;
        this.captures = captures;
        this.diagnostics = diagnostics;
        this.publisher = publisher;
    }

    /** How many of the machine's next frames to capture (1 to 50), redacted, for the next diagnostics. */
    public record CaptureRequest(int frames) {
    }

    @GetMapping
    public List<MachineStatus> list() {
        return machines.all();
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> one(@PathVariable String id) {
        return machines.one(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound()));
    }

    @PostMapping("/{id}/serial-capture")
    public ResponseEntity<?> capture(@PathVariable String id, @RequestBody CaptureRequest request) {
        if (machines.one(id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound());
        }
        try {
            captures.arm(id, request.frames());
        } catch (IllegalArgumentException e) {
            return refused(e);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("machine", id, "frames", request.frames(), "status", "capturing"));
    }

    /** Sends the link's counters now, with the frames captured since the capture was armed (which ends it). */
    @FeedsFlows(value = DIAGNOSTICS_FLOW, from = "operator")
    @PostMapping("/{id}/serial-diagnostics")
    public ResponseEntity<?> sendDiagnostics(@PathVariable String id) {
        if (machines.one(id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound());
        }
        try {
            var envelope = diagnostics.collect(id);
            String messageId = publisher.publish(DIAGNOSTICS_FLOW, envelope);
            int frames = envelope.body().path("capture").path("frames").size();
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", messageId, "frames", frames, "status", "accepted"));
        } catch (IllegalArgumentException e) {
            return refused(e);
        }
    }

    /** The reasons name the machine's kind of link or the count's limits, never a value of the machine. */
    private static ResponseEntity<ProblemDetail> refused(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "serial-diagnostics-refused",
                "Serial diagnostics refused", e.getMessage()));
    }

    private static ProblemDetail notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-machine", "Unknown machine",
                "no machine with this id in the machine files; GET /api/v1/machines lists them");
    }
}
