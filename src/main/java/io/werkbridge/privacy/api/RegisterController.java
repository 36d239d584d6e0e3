package io.werkbridge.privacy.api;

import io.werkbridge.privacy.camel.GatedRoutes;
import io.werkbridge.privacy.camel.GatedRoutes.GatedRoute;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
    private final GatedRoutes routes;

    public RegisterController(PolicyStore policies, GatedRoutes routes) {
        this.policies = policies;
        this.routes = routes;
    }

    @GetMapping("/processors")
    public ResponseEntity<?> processors(@RequestParam(defaultValue = "json") String format) {
        return render(format, "werkbridge-processors", PrivacyRegister::processors, PrivacyRegister::processorTable);
    }

    @GetMapping("/destinations")
    public ResponseEntity<?> destinations(@RequestParam(defaultValue = "json") String format) {
        return render(format, "werkbridge-destinations", PrivacyRegister::destinations, PrivacyRegister::destinationTable);
    }

    /** The policy in force and the running routes, read on every request: the register is never a stale copy. */
    private ResponseEntity<?> render(String format, String fileName, BiFunction<PrivacyPolicy, Map<String, List<GatedRoute>>, Object> json,
                                     BiFunction<PrivacyPolicy, Map<String, List<GatedRoute>>, ReportTable> table) {
        PrivacyPolicy policy = policies.policy();
        Map<String, List<GatedRoute>> gated = routes.byDestination();
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.apply(policy, gated));
            case "csv" -> download(table.apply(policy, gated).csv(), CSV, fileName + ".csv");
            case "md" -> download(table.apply(policy, gated).markdown(), MARKDOWN, fileName + ".md");
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
