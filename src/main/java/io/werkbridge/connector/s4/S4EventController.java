package io.werkbridge.connector.s4;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.model.CanonicalJson;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * SAP S/4HANA business events for business partners over a CloudEvents HTTP webhook (role ERP), in binary mode
 * ({@code ce-type} header, the data as the body) or structured mode ({@code application/cloudevents+json}).
 * {@code sap.s4.beh.businesspartner.v1.BusinessPartner.Created.v1} and {@code .Changed.v1} carry only the partner's
 * id ({@code data.BusinessPartner}): the hub reads that partner and queues it before it answers 202, so a failure
 * answers 502 and the event broker delivers the event again. Other event types are acknowledged and ignored (204).
 */
@RestController
public final class S4EventController {

    static final Set<String> TYPES = Set.of("sap.s4.beh.businesspartner.v1.BusinessPartner.Created.v1",
            "sap.s4.beh.businesspartner.v1.BusinessPartner.Changed.v1");
    private final ObjectProvider<S4BusinessPartners> partners;

    public S4EventController(ObjectProvider<S4BusinessPartners> partners) {
        this.partners = partners;
    }

    /** CloudEvents webhook abuse protection handshake: the event broker asks whether it may deliver here. */
    @RequestMapping(path = "/api/v1/erp/s4/events", method = RequestMethod.OPTIONS)
    public ResponseEntity<Void> handshake(@RequestHeader(name = "WebHook-Request-Origin", required = false) String origin) {
        HttpHeaders headers = new HttpHeaders();
        if (origin != null && !origin.isBlank()) {
            headers.add("WebHook-Allowed-Origin", origin.length() <= 255 ? origin : "*");
        }
        headers.add("Allow", "POST, OPTIONS");
        return ResponseEntity.ok().headers(headers).build();
    }

    @RequestMapping(path = "/api/v1/erp/s4/events", method = RequestMethod.POST)
    public ResponseEntity<Object> event(@RequestHeader(name = "ce-type", required = false) String binaryType,
                                        @RequestBody(required = false) byte[] body) {
        S4BusinessPartners reader = partners.getIfAvailable();
        if (reader == null) {
            return problem(HttpStatus.NOT_FOUND, "the S/4 connector is not enabled (werkbridge.s4.enabled)");
        }
        JsonNode payload = CanonicalJson.readExternal(body);
        String type = binaryType != null ? binaryType : payload.path("type").asText(null);
        JsonNode data = binaryType != null ? payload : payload.path("data");
        if (type == null) {
            throw new IllegalArgumentException("not a CloudEvent: no ce-type header and no type attribute");
        }
        if (!TYPES.contains(type)) {
            return ResponseEntity.noContent().build();
        }
        String partner = data.path("BusinessPartner").asText(null);
        if (partner == null) {
            throw new IllegalArgumentException("the business partner event has no data.BusinessPartner");
        }
        try {
            boolean known = reader.readOne(partner);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", known ? "queued" : "not found in S/4"));
        } catch (S4Exception e) {
            return problem(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).header("Content-Type", "application/problem+json").body(problem);
    }
}
