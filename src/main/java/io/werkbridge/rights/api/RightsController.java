package io.werkbridge.rights.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.rights.RightsExport;
import io.werkbridge.rights.RightsRequest;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsService;
import io.werkbridge.rights.RightsStore;
import io.werkbridge.rights.SubjectIds;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data-subject requests for the data protection officer (role DPO). */
@RestController
@RequestMapping("/api/v1/rights/requests")
public final class RightsController {

    private final RightsService service;
    private final RightsStore store;
    private final RightsExport export;

    /** A token, as the header's drafts define it: visible ASCII only, so it is stored and compared byte for byte. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public RightsController(RightsService service, RightsStore store, RightsExport export) {
        this.service = service;
        this.store = store;
        this.export = export;
    }

    /** {@code {"type": "erasure", "subject": {"customerNumber", "contactId", "email"}, "purpose", "corrections"}} */
    public record NewRequest(String type, Subject subject, String purpose, JsonNode corrections) {
    }

    public record Subject(String customerNumber, String contactId, String email) {
    }

    @PostMapping
    public ResponseEntity<RightsRequest> submit(@RequestBody NewRequest request,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request == null || request.type() == null || request.subject() == null) {
            throw new IllegalArgumentException("body needs 'type' and 'subject'");
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            // the message names the rule, never the value: the key is the client's text and ends up in logs
            throw new IllegalArgumentException("Idempotency-Key must be 1-100 printable ASCII characters without spaces");
        }
        SubjectIds subject = new SubjectIds(blankToNull(request.subject().customerNumber()), blankToNull(request.subject().contactId()),
                blankToNull(request.subject().email()));
        RightsRequest created = service.submit(RightsRequestType.parse(request.type()), subject, request.purpose(),
                request.corrections(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/rights/requests/" + created.id()).body(created);
    }

    @GetMapping
    public List<RightsRequest> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "false") boolean overdue) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return store.list(limit).stream().filter(r -> !overdue || r.overdue()).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable String id) {
        return store.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/lift")
    public RightsRequest lift(@PathVariable String id) {
        return service.lift(id);
    }

    @GetMapping("/{id}/export")
    public ResponseEntity<?> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
                                    @RequestParam(defaultValue = "recipients") String records) {
        var found = store.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        RightsRequest request = found.get();
        if (!request.type().collects()) {
            throw new IllegalArgumentException("only access and portability requests have an export");
        }
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + request.id() + "-" + records + ".csv\"")
                    .body(export.csv(request, records));
        }
        if (!"json".equals(format)) {
            throw new IllegalArgumentException("format must be json or csv");
        }
        ObjectNode json = export.json(request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + request.id() + ".json\"").body(json);
    }

    private static ResponseEntity<?> notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no rights request with this id");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
