package io.werkbridge.privacy.api;

import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of processors and destinations of the policy in force: JSON, or a CSV / Markdown download. */
@RestController
@RequestMapping("/api/v1/privacy")
public final class RegisterController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final PolicyStore policies;

    public RegisterController(PolicyStore policies) {
        this.policies = policies;
    }

    @GetMapping("/processors")
    public ResponseEntity<?> processors(@RequestParam(defaultValue = "json") String format) {
        return render(format, "werkbridge-processors", PrivacyRegister::processors, PrivacyRegister::processorTable);
    }

    @GetMapping("/destinations")
    public ResponseEntity<?> destinations(@RequestParam(defaultValue = "json") String format) {
        return render(format, "werkbridge-destinations", PrivacyRegister::destinations, PrivacyRegister::destinationTable);
    }

    private ResponseEntity<?> render(String format, String fileName, Function<PrivacyPolicy, Object> json,
                                     Function<PrivacyPolicy, ReportTable> table) {
        PrivacyPolicy policy = policies.policy();
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.apply(policy));
            case "csv" -> download(table.apply(policy).csv(), CSV, fileName + ".csv");
            case "md" -> download(table.apply(policy).markdown(), MARKDOWN, fileName + ".md");
            default -> throw new InvalidApiRequestException("parameter 'format' must be json, csv or md");
        };
    }

    private static ResponseEntity<String> download(String body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
