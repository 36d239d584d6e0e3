package io.werkbridge.connector.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkbridge.messaging.FeedsFlows;
import io.werkbridge.messaging.InboundPublisher;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.JsonSchemaCheck;
import io.werkbridge.model.MessageIds;
import io.werkbridge.model.Operation;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service tickets from the customer portal and app: validated against the contract in {@code connectors/portal/},
 * mapped to a canonical service ticket and queued for the ERP. Nothing is queued for an invalid ticket.
 */
@RestController
public final class ServiceTicketController {

    /** The flow that carries service tickets from the portal to the ERP. */
    public static final String FLOW = "service-tickets";
    private static final JsonSchemaCheck TICKET = JsonSchemaCheck.fromClasspath("connectors/portal/service-ticket.schema.json");
    private final InboundPublisher publisher;

    public ServiceTicketController(InboundPublisher publisher) {
        this.publisher = publisher;
    }

    @FeedsFlows(value = FLOW, from = "portal")
    @PostMapping(path = "/api/v1/portal/service-tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> ticket(@RequestBody byte[] body) {
        JsonNode ticket = TICKET.requireValid(CanonicalJson.readExternal(body));
        // a ticket the portal sends again (no answer, a retry) keeps its message id: the ERP gets it once
        Envelope envelope = new Envelope(MessageIds.of("portal", ticket), EntityType.SERVICE_TICKET,
                ticket.path("ticketId").asText(), Operation.UPSERT, Instant.now(), "portal", ticket);
        String messageId = publisher.publish(FLOW, envelope);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", messageId, "status", "accepted"));
    }
}
