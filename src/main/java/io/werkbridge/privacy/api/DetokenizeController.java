package io.werkbridge.privacy.api;

import io.werkbridge.privacy.vault.Pseudonymizer;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Re-identification of a tokenized value: the controller's data protection officer only (role DPO). */
@RestController
public final class DetokenizeController {

    private static final Logger LOG = LoggerFactory.getLogger(DetokenizeController.class);
    private static final int MAX_TOKEN_LENGTH = 128;
    private final Pseudonymizer vault;

    public DetokenizeController(Pseudonymizer vault) {
        this.vault = vault;
    }

    public record TokenRequest(String token) {
    }

    public record Detokenized(String token, String value) {
    }

    @PostMapping("/api/v1/privacy/detokenize")
    public ResponseEntity<?> detokenize(@RequestBody TokenRequest request, Principal who) {
        if (request == null || request.token() == null || request.token().isBlank() || request.token().length() > MAX_TOKEN_LENGTH) {
            throw new InvalidApiRequestException("body must be {\"token\": \"...\"} with a token of at most " + MAX_TOKEN_LENGTH + " characters");
        }
        return vault.detokenize(request.token())
                .<ResponseEntity<?>>map(value -> {
                    LOG.info("user {} re-identified one token", who.getName());
                    return ResponseEntity.ok(new Detokenized(request.token(), value));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "no such token in the vault: it was never issued, or its subject has been erased")));
    }
}
