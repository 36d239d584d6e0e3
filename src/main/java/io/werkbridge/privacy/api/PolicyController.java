package io.werkbridge.privacy.api;

import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.policy.PolicyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy in force and its validation state; a reload on demand (files on disk also reload by themselves). */
@RestController
@RequestMapping("/api/v1/privacy/policy")
public final class PolicyController {

    private final PolicyStore store;

    public PolicyController(PolicyStore store) {
        this.store = store;
    }

    @GetMapping
    public PolicyStore.PolicyStatus status() {
        return store.status();
    }

    @PostMapping("/reload")
    public ResponseEntity<?> reload() {
        try {
            store.reload();
            return ResponseEntity.ok(store.status());
        } catch (PolicyException rejected) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "the policy files were rejected; version " + store.status().version() + " stays in force");
            problem.setTitle("Privacy policy rejected");
            problem.setProperty("problems", rejected.problems());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }
}
