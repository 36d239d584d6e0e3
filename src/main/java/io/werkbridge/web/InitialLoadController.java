package io.werkbridge.web;

import io.werkbridge.operations.InitialLoads;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The initial loads of this hub and how far each has come (count, rate, share done, time left): an IDoc file in the
 * ERP inbox's {@code initial-load/} folder, the S/4 connector's paged load. Role OPERATOR, as all of
 * {@code /api/v1/operations}.
 */
@RestController
public class InitialLoadController {

    private final InitialLoads loads;

    public InitialLoadController(InitialLoads loads) {
        this.loads = loads;
    }

    @GetMapping("/api/v1/operations/initial-loads")
    public List<InitialLoads.InitialLoad> initialLoads() {
        return loads.all();
    }
}
