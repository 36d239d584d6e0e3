package io.werkbridge.rights.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkbridge.model.StrictJson;
import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.rights.IdempotencyKeyReusedException;
import io.werkbridge.rights.RightsExport;
import io.werkbridge.rights.RightsRequest;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsService;
import io.werkbridge.rights.RightsStore;
import io.werkbridge.rights.SubjectIds;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests for the data protection officer (role DPO). Input is strict: JSON only (415 otherwise),
 * unknown fields and purposes the running policy does not have are refused (400), naming the field, never a value.
 */
@RestController
@RequestMapping("/api/v1/rights/requests")
public final class RightsController {

    private final RightsService service;
    private final RightsStore store;
    private final RightsExport export;
    private final PolicyStore policies;
    private final ObjectReader newRequest;
    private final ObjectReader closing;

    /** A token, as the header's drafts define it: visible ASCII only, so it is stored and compared byte for byte. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    /** A field name shown back to the caller as is; any other is only called "a field". */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_REASON = 1000;

    public RightsController(RightsService service, RightsStore store, RightsExport export, PolicyStore policies, ObjectMapper json) {
        this.service = service;
        this.store = store;
        this.export = export;
        this.policies = policies;
        // the API's mapper (strict JSON rules) ignores unknown properties by default; a request with a misspelt
        // field would silently lose it, so the rights API refuses them
        this.newRequest = json.readerFor(NewRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.closing = json.readerFor(Closing.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@code {"type": "erasure", "subject": {"customerNumber", "contactId", "email"}, "purpose", "corrections"}} */
    public record NewRequest(String type, Subject subject, String purpose, JsonNode corrections) {
    }

    public record Subject(String customerNumber, String contactId, String email) {
    }

    /** {@code {"reason": "..."}}: why a DPO closes a request that cannot complete. */
    public record Closing(String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RightsRequest> submit(@RequestBody(required = false) byte[] body, Principal caller,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        NewRequest request = read(newRequest, body);
        if (request == null || request.type() == null || request.subject() == null) {
            throw new IllegalArgumentException("body needs 'type' and 'subject'");
        }
        requireKnownPurpose(request.purpose());
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            // the message names the rule, never the value: the key is the client's text and ends up in logs
            throw new IllegalArgumentException("Idempotency-Key must be 1-100 printable ASCII characters without spaces");
        }
        SubjectIds subject = new SubjectIds(blankToNull(request.subject().customerNumber()), blankToNull(request.subject().contactId()),
                blankToNull(request.subject().email()));
        RightsRequestType type = RightsRequestType.parse(request.type());
        if (request.corrections() != null && !request.corrections().isNull() && type != RightsRequestType.RECTIFICATION) {
            // they would be sealed and carried to every system with an erasure or access request for nothing
            throw new IllegalArgumentException("'corrections' belong to a rectification only");
        }
        RightsRequest created = service.submit(type, subject, request.purpose(), request.corrections(), idempotencyKey,
                caller == null ? null : caller.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/rights/requests/" + created.id()).body(created);
    }

    @GetMapping
    public List<RightsRequest> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "false") boolean overdue) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return overdue ? store.overdue(limit) : store.list(limit);
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable String id) {
        return store.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/lift")
    public RightsRequest lift(@PathVariable String id) {
        return service.lift(id);
    }

    /** A DPO closes a request that cannot complete, with the reason recorded on it: {@code {"reason": "..."}}. */
    @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> close(@PathVariable String id, @RequestBody(required = false) byte[] body, Principal caller) {
        Closing closingRequest = read(closing, body);
        String reason = closingRequest == null || closingRequest.reason() == null ? "" : closingRequest.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("'reason' is required: 1-" + MAX_REASON + " characters on why the request is closed unfinished");
        }
        if (store.find(id).isEmpty()) {
            return notFound(id);
        }
        return ResponseEntity.ok(service.close(id, caller == null ? "unknown" : caller.getName(), reason));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Idempotency-Key reused for a different request");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

    /** Reads a body strictly; the errors name the field (or its path) and the rule, never a value. */
    private static <T> T read(ObjectReader reader, byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the body is empty: send the request as JSON");
        }
        try {
            return reader.readValue(body);
        } catch (UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException((name != null && PLAIN_NAME.matcher(name).matches() ? "unknown field '" + name + "'"
                    : "an unknown field") + " is not accepted here; the fields are: " + known);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not acceptable JSON of the expected shape: " + StrictJson.describe(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("the body could not be read as JSON");
        }
    }

    /** A restriction or objection for a purpose no destination has would be stored and do nothing. */
    private void requireKnownPurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || RightsService.ALL_PURPOSES.equals(purpose)) {
            return;
        }
        Set<String> purposes = policies.policy().destinations().values().stream().map(DestinationPolicy::purpose)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!purposes.contains(purpose)) {
            throw new IllegalArgumentException("unknown purpose: the privacy policy's purposes are " + String.join(", ", purposes)
                    + " (or '*' for all)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
