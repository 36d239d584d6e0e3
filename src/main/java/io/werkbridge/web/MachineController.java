package io.werkbridge.web;

import io.werkbridge.machine.MachineStatus;
import io.werkbridge.machine.MachineStatusService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connection status of the machines of connectors/machines/: no customer or operator data, counts and times only. */
@RestController
@RequestMapping("/api/v1/machines")
public class MachineController {

    private final MachineStatusService machines;

    public MachineController(MachineStatusService machines) {
        this.machines = machines;
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

    private static ProblemDetail notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-machine", "Unknown machine",
                "no machine with this id in the machine files; GET /api/v1/machines lists them");
    }
}
