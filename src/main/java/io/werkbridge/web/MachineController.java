package io.werkbridge.web;

import io.werkbridge.machine.MachineStatus;
import io.werkbridge.machine.MachineStatusService;
import io.werkbridge.machine.NcProgramTransfers;
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
    private final NcProgramTransfers transfers;

    public MachineController(MachineStatusService machines, SerialCaptures captures, SerialDiagnostics diagnostics,
                             InboundPublisher publisher, NcProgramTransfers transfers) {
        this.machines = machines;
        this.captures = captures;
        this.diagnostics = diagnostics;
        this.publisher = publisher;
        this.transfers = transfers;
    }

    /** An NC program for the machine's control: the text between the tape's % marks (a tape file's own % lines are taken off). */
    public record NcProgramRequest(String program) {
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

    /**
     * Queues an NC program for the machine's control (programTransfer in its machine file): it is sent when the control
     * says XON, one program at a time. 202 with the transfer's id and its status URL; 409 when the machine has no
     * program transfer, 422 when the program breaks a rule of the tape (with the position).
     */
    @PostMapping("/{id}/nc-programs")
    public ResponseEntity<?> queueNcProgram(@PathVariable String id, @RequestBody NcProgramRequest request) {
        if (machines.one(id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound());
        }
        if (request == null || request.program() == null || request.program().isBlank()) {
            return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "nc-program-refused", "NC program refused", "program is missing"));
        }
        NcProgramTransfers.Transfer transfer;
        try {
            transfer = transfers.queue(id, request.program());
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                    "nc-program-refused", "NC program refused", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "nc-program-refused", "NC program refused", e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("transfer", transfer,
                "status", "/api/v1/machines/" + id + "/nc-programs/" + transfer.id()));
    }

    /** Where a queued program stands: QUEUED, SENDING (waiting for XON or sending), SENT, or FAILED with the point of failure. */
    @GetMapping("/{id}/nc-programs/{transferId}")
    public ResponseEntity<?> ncProgramTransfer(@PathVariable String id, @PathVariable String transferId) {
        return transfers.find(id, transferId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND,
                        "unknown-transfer", "Unknown transfer", "no NC program transfer with this id for this machine"
                                + " (the hub keeps the last " + NcProgramTransfers.KEPT + " since its start)")));
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
