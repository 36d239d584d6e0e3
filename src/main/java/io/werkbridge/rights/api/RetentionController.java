package io.werkbridge.rights.api;

import io.werkbridge.rights.RetentionService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs retention on demand (role DPO); {@code dryRun=true} (the default) only reports what would be deleted. */
@RestController
public final class RetentionController {

    private final RetentionService retention;

    public RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @PostMapping("/api/v1/retention/run")
    public RetentionService.Report run(@RequestParam(defaultValue = "true") boolean dryRun) {
        return retention.run(dryRun);
    }
}
